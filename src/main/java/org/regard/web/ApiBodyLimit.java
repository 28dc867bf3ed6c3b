package org.regard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.tickets.Tickets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Refuses API request bodies above {@link #MAX_BYTES} with 413 and a problem document, before they are
 * read into memory. The largest legitimate body (a message of {@code Tickets.MAX_BODY} characters, even
 * fully escaped) stays well below the limit, so those get a 400 naming the field instead.
 * <p>
 * A declared {@code Content-Length} is checked at once; a body sent without one (chunked) is counted
 * while it is read and fails with {@link TooLarge}, which {@link ApiProblems} reports as 413.
 */
@Component
class ApiBodyLimit extends OncePerRequestFilter {
    static final int MAX_BYTES = 1024 * 1024;
    private static final String MESSAGE = "The request body is larger than " + (MAX_BYTES / 1024)
            + " KiB; a message may have at most " + String.format(Locale.ROOT, "%,d", Tickets.MAX_BODY) + " characters.";

    /** Raised while reading a body that turns out to be too large. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(MESSAGE);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            // closing the connection stops the client from sending the rest of a body nobody will read
            response.setHeader("Connection", "close");
            ProblemJson.write(request, response, ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", MESSAGE));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
