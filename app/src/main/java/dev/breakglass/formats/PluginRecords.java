package dev.breakglass.formats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is known about each plugin jar, for the admin's Plugins page: where it came from, its state, its formats, and
 * its last few errors, whether at load time or from a format that threw or ran too long on a paste. Errors arrive from
 * request threads, so each record keeps them thread-safe. An error never quotes an exception's message: it may
 * quote the pasted text.
 */
final class PluginRecords {

    private static final Logger log = LoggerFactory.getLogger(PluginRecords.class);
    private static final int ERRORS_KEPT = 5;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<String, Record> records = new LinkedHashMap<>();

    PluginRecords(Clock clock) {
        this.clock = clock;
    }

    boolean has(String pluginId) {
        return records.containsKey(pluginId);
    }

    /** A jar admitted for loading; its state is set once PF4J has loaded and started it, or failed to. */
    Record admit(PluginAdmission.Verdict verdict, String origin) {
        Record record = new Record(verdict.id(), verdict.version(), verdict.file(), verdict.sha256(), origin);
        records.put(verdict.id(), record);
        return record;
    }

    void refuse(PluginAdmission.Verdict verdict, String origin) {
        String reason = verdict.refusal().orElseThrow();
        Record record = new Record(verdict.id(), verdict.version(), verdict.file(), verdict.sha256(), origin);
        record.state = PluginStatus.State.REFUSED;
        record.addError(reason);
        records.putIfAbsent(verdict.id(), record);
        log.warn("Plugin {} ({}) refused: {}", verdict.id(), verdict.file(), reason);
    }

    /** A second jar with an id already taken: the first one found wins, and says so. */
    void ignoreDuplicate(PluginAdmission.Verdict verdict, String origin) {
        records.get(verdict.id())
                .addError("A " + origin + " plugin with the same id (" + verdict.file()
                        + ") was ignored: this one replaces it.");
    }

    /** The admitted jars not yet loaded and started, in load order. */
    List<Record> awaitingStart() {
        return records.values().stream().filter(record -> record.state == null).toList();
    }

    void recordFailure(String pluginId, String formatId, String call, Throwable failure) {
        String where = failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : "";
        log.warn(
                "Format plugin {} failed: {}.{}() threw {}{}",
                pluginId,
                formatId,
                call,
                failure.getClass().getName(),
                where);
        Record record = records.get(pluginId);
        if (record != null) {
            record.addError(when() + ": " + formatId + "." + call + "() threw "
                    + failure.getClass().getName() + where);
        }
    }

    void recordTimeout(String pluginId, String formatId, String call, long millis) {
        log.warn("Format plugin {} suspended: {}.{}() ran longer than {} ms", pluginId, formatId, call, millis);
        Record record = records.get(pluginId);
        if (record != null) {
            record.addError(when() + ": " + formatId + "." + call + "() ran longer than " + millis
                    + " ms; suspended until restart");
            record.state = PluginStatus.State.SUSPENDED;
        }
    }

    boolean isSuspended(String pluginId) {
        Record record = records.get(pluginId);
        return record != null && record.state == PluginStatus.State.SUSPENDED;
    }

    List<PluginStatus> statuses() {
        return records.values().stream().map(Record::status).toList();
    }

    String when() {
        return WHEN.format(Instant.now(clock));
    }

    /** One plugin jar. */
    static final class Record {

        private final String id;
        private final String version;
        private final String file;
        private final String sha256;
        private final String origin;
        private final List<String> formats = new ArrayList<>();
        private final Deque<String> errors = new ConcurrentLinkedDeque<>();
        private volatile PluginStatus.State state;

        private Record(String id, String version, String file, String sha256, String origin) {
            this.id = id;
            this.version = version;
            this.file = file;
            this.sha256 = sha256;
            this.origin = origin;
        }

        String id() {
            return id;
        }

        String file() {
            return file;
        }

        List<String> formats() {
            return formats;
        }

        void started() {
            state = PluginStatus.State.STARTED;
        }

        void failed(String error) {
            state = PluginStatus.State.FAILED;
            addError(error);
        }

        void addError(String error) {
            errors.addLast(error);
            while (errors.size() > ERRORS_KEPT) {
                errors.pollFirst();
            }
        }

        private PluginStatus status() {
            return new PluginStatus(
                    id,
                    version,
                    file,
                    sha256,
                    origin,
                    state == null ? PluginStatus.State.FAILED : state,
                    formats,
                    List.copyOf(errors));
        }
    }
}
