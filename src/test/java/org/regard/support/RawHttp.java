package org.regard.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, for what HTTP clients do not let a test send: a forged {@code Host} header, a
 * path with {@code ..%2f} or {@code ;} that they would normalise. The answer is the raw text, status line first.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** {@code head} is the request line and headers, each ending in CRLF, without the blank line that ends them. */
    public static String send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
