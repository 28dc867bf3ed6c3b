package org.regard.tickets.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * File sizes as people read them: the message key of the unit ({@code file.size.bytes|kb|mb}, translated because units
 * are spelled differently, e.g. "Ko" in French) and the amount in that unit. Used by templates as {@code @fileSizes}.
 */
@Component("fileSizes")
class FileSizes {
    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;

    public String key(long bytes) {
        return bytes < KB ? "file.size.bytes" : bytes < MB ? "file.size.kb" : "file.size.mb";
    }

    public BigDecimal amount(long bytes) {
        if (bytes < KB) {
            return BigDecimal.valueOf(bytes);
        }
        long unit = bytes < MB ? KB : MB;
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
