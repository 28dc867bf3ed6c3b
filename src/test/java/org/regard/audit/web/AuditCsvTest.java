package org.regard.audit.web;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaGetALeadingApostrophe() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsv.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(AuditCsv.cell("a=b")).as("only the first character counts").isEqualTo("a=b");
    }

    @Test
    void quotesFollowRfc4180() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
        assertThat(AuditCsv.cell("Hà Nội, Việt Nam")).isEqualTo("\"Hà Nội, Việt Nam\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void rowsAreCommaSeparatedAndEndWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.row(out, Arrays.asList("a", null, "b,c"));
        AuditCsv.row(out, Arrays.asList("d", "e", "f"));
        assertThat(out.toString()).isEqualTo("a,,\"b,c\"\r\nd,e,f\r\n");
    }
}
