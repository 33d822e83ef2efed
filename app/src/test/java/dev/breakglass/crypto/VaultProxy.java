package dev.breakglass.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a real Vault for the two faults a real server cannot be made to produce on
 * demand: answering slowly, and vanishing in the middle of a request. Everything else passes through
 * unchanged. It counts the requests that reached it per path.
 */
public final class VaultProxy implements AutoCloseable {

    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|DELETE|LIST) (/\\S*) HTTP/1\\.1");

    private final ServerSocket listener;
    private final Supplier<String> upstream;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;
    private volatile String vanishOn;
    private volatile boolean vanished;
    private volatile String breakOnce;

    private VaultProxy(Supplier<String> upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "vault-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Listens on a free loopback port; {@code upstream} (Vault's address) is asked for each new connection. */
    public static VaultProxy start(Supplier<String> upstream) {
        try {
            return new VaultProxy(upstream);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Waits this long before passing on each part of Vault's answers. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /**
     * The next request whose path contains {@code pathPart} (such as {@code /transit/encrypt/}) is dropped
     * mid-way, and from then on every connection is closed at once, as if Vault had gone, until {@link #comeBack()}.
     */
    public void vanishOn(String pathPart) {
        this.vanishOn = pathPart;
    }

    /**
     * The connection that carries the next request whose path contains {@code pathPart} is closed before the
     * request reaches Vault, as a pooled connection that went stale; later connections work.
     */
    public void breakConnectionOnce(String pathPart) {
        this.breakOnce = pathPart;
    }

    public void comeBack() {
        vanishOn = null;
        vanished = false;
    }

    /** Requests that reached the proxy whose path contains {@code pathPart}. */
    public int requests(String pathPart) {
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().contains(pathPart))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(VaultProxy::closeQuietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (vanished) {
                    closeQuietly(client);
                    continue;
                }
                URI target = URI.create(upstream.get());
                Socket server = new Socket(target.getHost(), target.getPort());
                open.add(client);
                open.add(server);
                pump("vault-proxy-up", client, server, true);
                pump("vault-proxy-down", server, client, false);
            } catch (IOException e) {
                // the listener was closed, or Vault refused: the client sees its connection closed
            }
        }
    }

    private void pump(String name, Socket from, Socket to, boolean requests) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (vanished) {
                                break;
                            }
                            if (requests) {
                                Matcher line = REQUEST_LINE.matcher(
                                        new String(buffer, 0, Math.min(read, 512), StandardCharsets.ISO_8859_1));
                                if (line.find()) {
                                    counts.computeIfAbsent(line.group(2), path -> new AtomicInteger())
                                            .incrementAndGet();
                                    String broken = breakOnce;
                                    if (broken != null && line.group(2).contains(broken)) {
                                        breakOnce = null;
                                        break;
                                    }
                                    String vanish = vanishOn;
                                    if (vanish != null && line.group(2).contains(vanish)) {
                                        vanished = true;
                                        break;
                                    }
                                }
                            } else if (delayMillis > 0) {
                                Thread.sleep(delayMillis);
                            }
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
