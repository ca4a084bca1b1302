package dev.lpm.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 for the host's control API on the same port as its mover service: one request per
 * connection, bodies by Content-Length (at most {@link #MAX_BODY}), answers that end when the connection
 * closes (so a migration can stream its progress).
 */
final class Http {
    static final int MAX_BODY = 1 << 20;
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 64;

    private Http() {
    }

    record Request(String method, String path, Map<String, String> query, byte[] body) {
        String param(String name) {
            return query.get(name);
        }
    }

    /** A malformed request: answered with 400 and the message. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /** Reads one request; {@code prefix} holds bytes already read to tell HTTP from the mover's stream. */
    static Request read(InputStream in, byte[] prefix) throws IOException {
        InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), in);
        String requestLine = line(all);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest("not an HTTP request line: " + requestLine);
        }
        int contentLength = 0;
        for (int i = 0; ; i++) {
            if (i == MAX_HEADERS) {
                throw new BadRequest("too many headers");
            }
            String h = line(all);
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    contentLength = Integer.parseInt(h.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new BadRequest("bad Content-Length");
                }
                if (contentLength < 0 || contentLength > MAX_BODY) {
                    throw new BadRequest("body of " + contentLength + " bytes (at most " + MAX_BODY + ")");
                }
            }
        }
        byte[] body = all.readNBytes(contentLength);
        if (body.length != contentLength) {
            throw new BadRequest("body ended early");
        }
        String target = parts[1];
        int q = target.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String kv : target.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    query.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
                }
            }
            target = target.substring(0, q);
        }
        return new Request(parts[0], decode(target), query, body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new BadRequest("request ended early");
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > MAX_LINE) {
                throw new BadRequest("request line or header longer than " + MAX_LINE + " bytes");
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Writes the status line and headers of an answer whose body runs until the connection closes. */
    static void head(OutputStream out, int status, String contentType) throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Error";
        };
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType
                + "\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
