package dev.breakglass.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Messages between the instances of Breakglass that share one PostgreSQL: {@code NOTIFY} to send, {@code LISTEN} on
 * one connection of this instance's pool to hear. A message sent in a transaction is delivered when it commits, to
 * every instance (this one too) and never when it rolls back. Messages are hints to act on now (end these sessions,
 * refresh that bell); whatever they announce is already in the database, so an instance that was away misses
 * nothing it cannot read there. A payload is a short text (PostgreSQL takes up to 8,000 bytes), never a secret.
 */
@Component
public class ClusterMessages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMessages.class);
    private static final long WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final DSLContext db;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    ClusterMessages(DataSource dataSource, DSLContext db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    /** Sends a message on a channel ({@code [a-z_]+}), within the caller's transaction if there is one. */
    public void publish(String channel, String payload) {
        db.select(DSL.field("pg_notify({0}, {1})", String.class, DSL.val(channel), DSL.val(payload)))
                .fetch();
    }

    /** Calls the listener, on the listening thread, with every message on the channel from any instance. */
    public void subscribe(String channel, Consumer<String> listener) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("A channel name is lower-case letters and underscores: " + channel);
        }
        listeners.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void start() {
        Thread listener = new Thread(this::listen, "cluster-messages");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether this instance listens on the channel already, so that a message sent now reaches it. */
    public boolean isListening(String channel) {
        return listening.contains(channel);
    }

    private void listen() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening.clear();
                while (thread == Thread.currentThread()) {
                    listenToNewChannels(connection);
                    PGNotification[] received = postgres.getNotifications((int) WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification message : received) {
                            deliver(message.getName(), message.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening.clear();
                if (thread == Thread.currentThread()) {
                    log.warn("Lost the connection that hears other instances ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : listeners.keySet()) {
            if (!listening.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening.add(channel);
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A listener on {} failed", channel, e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
