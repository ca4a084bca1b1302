package dev.lpm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Talks to a host daemon's control API (the {@code lpm} CLI, and a source host asking a target about a
 * migration whose confirmation was lost).
 */
public final class HostClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InetSocketAddress address;
    private final int timeoutMillis;

    public HostClient(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    public HostClient(InetSocketAddress address) {
        this(address, 30_000);
    }

    /** A failed call: the host's error message, or why it could not be reached. */
    public static final class HostError extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HostError(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status, or 0 when the host could not be reached. */
        public int status() {
            return status;
        }
    }

    public JsonNode get(String path) throws IOException {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws IOException {
        return call("POST", path, body);
    }

    private JsonNode call(String method, String path, Object body) throws IOException {
        StringBuilder all = new StringBuilder();
        int status = exchange(method, path, body, line -> all.append(line).append('\n'), timeoutMillis);
        String text = all.toString();
        JsonNode node = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        if (status >= 300) {
            throw new HostError(status, node.path("error").asText(text.strip()));
        }
        return node;
    }

    /** Posts and hands each line of the streamed answer to {@code lines}; returns the HTTP status. */
    public int stream(String path, Object body, Consumer<String> lines) throws IOException {
        return exchange("POST", path, body, lines, 0);
    }

    /** Raw bytes of a GET (the console). */
    public byte[] bytes(String path) throws IOException {
        try (Socket s = connect(timeoutMillis)) {
            send(s.getOutputStream(), "GET", path, null);
            InputStream in = s.getInputStream();
            int status = readHead(in);
            byte[] b = in.readAllBytes();
            if (status >= 300) {
                throw new HostError(status, JSON.readTree(b).path("error").asText());
            }
            return b;
        }
    }

    private int exchange(String method, String path, Object body, Consumer<String> lines, int readTimeout)
            throws IOException {
        try (Socket s = connect(readTimeout)) {
            send(s.getOutputStream(), method, path, body);
            InputStream in = s.getInputStream();
            int status = readHead(in);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                lines.accept(line);
            }
            return status;
        }
    }

    private Socket connect(int readTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, Math.min(timeoutMillis, 10_000));
        } catch (IOException e) {
            s.close();
            throw new HostError(0, "host " + address.getHostString() + ":" + address.getPort() + " is not reachable ("
                    + e.getMessage() + ")");
        }
        s.setSoTimeout(readTimeout);
        return s;
    }

    private static void send(OutputStream out, String method, String path, Object body) throws IOException {
        byte[] b = body == null ? new byte[0] : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        out.write((method + " " + path + " HTTP/1.1\r\nHost: lpm\r\nContent-Type: application/json\r\nContent-Length: "
                + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** Reads the status line and headers; returns the status. */
    private static int readHead(InputStream in) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an lpm host: it answered " + status);
        }
        while (!line(in).isEmpty()) {
            // headers: the body runs until the connection closes
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an lpm host: it answered " + status);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("the host closed the connection");
            }
            if (c != '\r') {
                b.append((char) c);
            }
            if (b.length() > 8192) {
                throw new IOException("the host's answer has an overlong line");
            }
        }
        return b.toString();
    }

    /** Parses {@code ADDR:PORT}. */
    public static InetSocketAddress parseAddress(String hostPort) {
        return parseAddress(hostPort, 1);
    }

    /** Parses {@code ADDR:PORT} where the port may be as low as {@code minPort} (0: any free port, to listen on). */
    public static InetSocketAddress parseAddress(String hostPort, int minPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("'" + hostPort + "' is not ADDR:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + hostPort + "' has no port number");
        }
        if (port < minPort || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside " + minPort + "..65535");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }
}
