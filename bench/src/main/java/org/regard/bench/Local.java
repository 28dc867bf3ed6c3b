package org.regard.bench;

import java.net.InetAddress;
import java.net.URI;

/** The drivers only ever talk to this machine. */
final class Local {
    private Local() {
    }

    /** The base URL without a trailing slash; refuses any host that is not a loopback address. */
    static String base(String url) {
        URI uri = URI.create(url);
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("Benchmarks only run against this machine (127.0.0.1), not " + uri.getHost());
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + uri.getHost(), e);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
