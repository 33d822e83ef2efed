package dev.breakglass.formats;

import dev.breakglass.paste.CodeOrder;
import dev.breakglass.paste.LookAlikes;
import dev.breakglass.paste.PasteReader;
import dev.breakglass.paste.Recognition;
import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the codes in a paste with the right format: the account's app's format first; otherwise, or when it finds
 * nothing, the format most confident that the paste is its own (and confident enough); the generic reader last.
 * Every call into a plugin runs on its own thread with a time limit, so a plugin that throws or hangs is contained:
 * the next format answers and the user is told. Plain Java, so the {@code parse} command uses it without Spring.
 */
public final class CodeReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CodeReader.class);

    /** The confidence asked of a format the account's app did not point at. */
    static final double RECOGNISED = Recognition.THRESHOLD;

    /** An app's format that read this many codes or fewer may have read a stray one of a longer list. */
    private static final int FEW = 2;

    /** The fewest codes of a list that the generic reader's reading must hold to be preferred. */
    private static final int MIN_LIST = 5;

    private final FormatPlugins plugins;
    private final Duration timeout;
    private final GenericFormat generic = new GenericFormat();
    private final ExecutorService calls = Executors.newCachedThreadPool(new PluginThreads());
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "format-plugin-reaper");
        thread.setDaemon(true);
        return thread;
    });

    public CodeReader(FormatPlugins plugins, Duration timeout) {
        this.plugins = plugins;
        this.timeout = timeout;
    }

    /**
     * Reads a paste.
     *
     * @param text the text exactly as pasted
     * @param appKey the account's app, whose format is tried first; may be null
     * @throws PasteRejectedException when the paste is empty, too large, not text, holds no code or too many
     */
    public ParsedCodes read(String text, String appKey) {
        PasteLimits.check(text);
        Paste paste = PasteReader.read(text);
        if (paste.lines().stream().noneMatch(PasteLine::hasContent)) {
            // Text that was there but is not shown (a page's scripts) held no codes; only white space is "empty".
            throw new PasteRejectedException(
                    text.codePoints().anyMatch(Character::isLetterOrDigit)
                            ? PasteProblem.NO_CODES
                            : PasteProblem.EMPTY);
        }
        if (LookAlikes.isAppPassword(paste.text())) {
            // An app password is shaped like a backup code (four groups of four letters): what the page calls it
            // decides, whichever format would read it.
            throw new PasteRejectedException(PasteProblem.PASSWORD);
        }
        Set<String> notices = new LinkedHashSet<>();
        List<FormatPlugins.LoadedFormat> formats = plugins.formats();
        Optional<Choice> choice = Optional.empty();
        for (FormatPlugins.LoadedFormat hinted : formatsFor(formats, appKey)) {
            Optional<FormatReading> reading = call(hinted, "read", format -> format.read(paste), notices);
            if (reading.isPresent() && !reading.get().codes().isEmpty()) {
                choice =
                        Optional.of(new Choice(hinted.info().id(), hinted.info().displayName(), reading.get(), true));
                break;
            }
        }
        if (choice.isEmpty()) {
            choice = mostConfident(formats, paste, notices);
        }
        Choice chosen =
                choice.orElseGet(() -> new Choice(GenericFormat.ID, GenericFormat.NAME, generic.read(paste), false));
        if (!GenericFormat.ID.equals(chosen.formatId())) {
            chosen = theListInstead(chosen, paste);
        }
        List<String> codes = CodeOrder.codes(paste, chosen.reading());
        if (codes.isEmpty()) {
            throw new PasteRejectedException(PasteProblem.noCodes(LookAlikes.in(paste.text())));
        }
        if (GenericFormat.ID.equals(chosen.formatId())
                && codes.stream().allMatch(LookAlikes::isBareTotpSecret)
                && !chosen.reading().codes().stream()
                        .allMatch(found -> LookAlikes.namedABackupCode(paste, found.line()))) {
            // A base32 key and nothing else, which no app's format claimed (neither the account's app nor an app the
            // paste names): a TOTP secret pasted without its label. A set of backup codes is almost never base32
            // through and through; a key that the paste labels a recovery code where it stands is one.
            throw new PasteRejectedException(PasteProblem.TOTP_SECRET);
        }
        if (codes.size() > PasteLimits.MAX_CODES) {
            throw new PasteRejectedException(PasteProblem.TOO_MANY);
        }
        List<String> unreadable =
                chosen.reading().unreadable().stream().map(PasteLine::original).toList();
        Optional<String> notice = notices.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notices));
        return new ParsedCodes(chosen.formatId(), chosen.formatName(), codes, unreadable, notice);
    }

    /**
     * The generic reader's reading in place of an app format's, when the format's shape is not the one this paste's
     * codes have: the format read nothing but letters (a field name, a team's name that fits its shape) while the
     * paste holds more codes with digits; or it read one or two codes of a list that the generic reader reads whole,
     * four fifths of it in one layout. The generic reader runs at most once, and only then.
     */
    private Choice theListInstead(Choice chosen, Paste paste) {
        boolean onlyLetters = lettersOnly(chosen.reading());
        int read = chosen.reading().codes().size();
        if (!onlyLetters && read > FEW) {
            return chosen;
        }
        FormatReading generically = generic.read(paste);
        int listed = generically.codes().size();
        boolean instead = onlyLetters
                ? listed >= 2 && listed > read && !lettersOnly(generically)
                : listed >= MIN_LIST
                        && GenericFormat.shareOfTheMainLayout(generically.codes()) * 5 >= 4
                        && holdsAll(generically, chosen.reading());
        return instead ? new Choice(GenericFormat.ID, GenericFormat.NAME, generically, false) : chosen;
    }

    /** Whether every code of one reading is among another's, compared without case, spaces or dashes. */
    private static boolean holdsAll(FormatReading whole, FormatReading part) {
        Set<String> bare = new HashSet<>();
        whole.codes().forEach(found -> bare.add(bare(found.code())));
        return part.codes().stream().allMatch(found -> bare.contains(bare(found.code())));
    }

    private static String bare(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Why a paste reads as it does, for the {@code parse --explain} command: every running format's confidence and
     * count of codes, which one won and why. Reads the paste as {@link #read(String, String)} does.
     *
     * @throws PasteRejectedException when the paste is empty, too large or not text (nothing to explain)
     */
    Explanation explain(String text, String appKey) {
        PasteLimits.check(text);
        Paste paste = PasteReader.read(text);
        Set<String> notices = new LinkedHashSet<>();
        Set<String> hinted = formatsFor(plugins.formats(), appKey).stream()
                .map(loaded -> loaded.info().id())
                .collect(Collectors.toSet());
        List<Explanation.Scored> scored = new ArrayList<>();
        for (FormatPlugins.LoadedFormat loaded : plugins.formats()) {
            double confidence = call(loaded, "confidence", format -> format.confidence(paste), notices)
                    .orElse(-1.0);
            int codes = call(loaded, "read", format -> CodeOrder.codes(paste, format.read(paste)), notices)
                    .map(List::size)
                    .orElse(-1);
            scored.add(new Explanation.Scored(
                    loaded.info().id(),
                    loaded.info().displayName(),
                    confidence,
                    codes,
                    hinted.contains(loaded.info().id())));
        }
        scored.sort(Comparator.comparing(Explanation.Scored::servesApp)
                .thenComparingDouble(Explanation.Scored::confidence)
                .reversed());
        ParsedCodes parsed = null;
        PasteProblem refusal = null;
        String reason;
        try {
            parsed = read(text, appKey);
            String winner = parsed.formatId();
            if (hinted.contains(winner)) {
                reason = "it serves the app '" + appKey + "' named with --app, and it read codes";
            } else if (GenericFormat.ID.equals(winner)) {
                reason = (hinted.isEmpty() ? "" : "the app's own format read no codes, and ")
                        + "no format was at least " + RECOGNISED + " sure the paste is its own (that takes a paste "
                        + "that names the app), so the generic reader read it";
            } else {
                reason = (hinted.isEmpty() ? "no app format was named" : "the app's own format read no codes")
                        + ", and it was the most confident format at or above " + RECOGNISED + " that read codes";
            }
        } catch (PasteRejectedException e) {
            refusal = e.problem();
            reason = "no format read a code: " + e.problem().code();
        }
        return new Explanation(scored, Optional.ofNullable(parsed), refusal, reason, List.copyOf(notices));
    }

    /**
     * What {@link #explain(String, String)} found.
     *
     * @param formats every running format, those serving the app first, then most confident first
     * @param parsed what the paste was read as, as {@link #read} reads it; empty when it was refused
     * @param refusal why it was refused, when it was
     * @param reason why it won, as a sentence
     * @param notices formats that failed or took too long on this paste
     */
    record Explanation(
            List<Scored> formats,
            Optional<ParsedCodes> parsed,
            PasteProblem refusal,
            String reason,
            List<String> notices) {

        /** The format that read the paste, if any did. */
        Optional<String> winner() {
            return parsed.map(ParsedCodes::formatId);
        }

        /** What {@link CodeReader#read} answers for the same paste: the codes, or the refusal. */
        ParsedCodes parsedOrThrow() {
            return parsed.orElseThrow(() -> new PasteRejectedException(refusal));
        }

        /** One format's view of the paste: confidence -1 or codes -1 when the call failed. */
        record Scored(String formatId, String name, double confidence, int codes, boolean servesApp) {}
    }

    /** Whether every code of a reading is made of letters only, without a digit. */
    private static boolean lettersOnly(FormatReading reading) {
        return reading.codes().stream().allMatch(found -> found.code().chars().noneMatch(Character::isDigit));
    }

    /** The facts of the format that serves an app, if a plugin serves it. */
    public Optional<FormatInfo> formatFor(String appKey) {
        return formatsFor(plugins.formats(), appKey).stream().findFirst().map(FormatPlugins.LoadedFormat::info);
    }

    /** The facts of every running plugin's format, in load order. */
    public List<FormatInfo> formats() {
        return plugins.formats().stream().map(FormatPlugins.LoadedFormat::info).toList();
    }

    /** The facts of a format by its id, including the generic reader. */
    public Optional<FormatInfo> format(String formatId) {
        if (GenericFormat.ID.equals(formatId)) {
            return Optional.of(new FormatInfo(
                    GenericFormat.ID,
                    GenericFormat.NAME,
                    Set.of(),
                    true,
                    Optional.empty(),
                    OptionalInt.empty(),
                    Optional.empty()));
        }
        return plugins.formats().stream()
                .map(FormatPlugins.LoadedFormat::info)
                .filter(info -> info.id().equals(formatId))
                .findFirst();
    }

    /** A saved code as its format shows it, such as {@code 1234 5678}; the code itself when that fails. */
    public String display(String formatId, String code) {
        Set<String> notices = new LinkedHashSet<>();
        return plugins.formats().stream()
                .filter(loaded -> loaded.info().id().equals(formatId))
                .findFirst()
                .flatMap(loaded -> call(loaded, "display", format -> format.display(code), notices))
                .filter(shown -> !shown.isBlank())
                .orElse(code);
    }

    @Override
    public void close() {
        calls.shutdownNow();
        reaper.shutdownNow();
    }

    private static List<FormatPlugins.LoadedFormat> formatsFor(
            List<FormatPlugins.LoadedFormat> formats, String appKey) {
        if (appKey == null || appKey.isBlank()) {
            return List.of();
        }
        String key = appKey.strip().toLowerCase(Locale.ROOT);
        return formats.stream()
                .filter(loaded -> loaded.info().appKeys().contains(key))
                .toList();
    }

    private Optional<Choice> mostConfident(List<FormatPlugins.LoadedFormat> formats, Paste paste, Set<String> notices) {
        record Scored(FormatPlugins.LoadedFormat loaded, double confidence) {}
        List<Scored> scored = new ArrayList<>();
        for (FormatPlugins.LoadedFormat loaded : formats) {
            call(loaded, "confidence", format -> format.confidence(paste), notices)
                    .filter(confidence -> confidence >= RECOGNISED && confidence <= 1)
                    .ifPresent(confidence -> scored.add(new Scored(loaded, confidence)));
        }
        scored.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        for (Scored candidate : scored) {
            Optional<FormatReading> reading = call(candidate.loaded(), "read", format -> format.read(paste), notices);
            if (reading.isPresent() && !reading.get().codes().isEmpty()) {
                return Optional.of(new Choice(
                        candidate.loaded().info().id(),
                        candidate.loaded().info().displayName(),
                        reading.get(),
                        false));
            }
        }
        return Optional.empty();
    }

    /** Calls into a plugin on its own thread, within the time limit; failures become notices and admin errors. */
    private <T> Optional<T> call(
            FormatPlugins.LoadedFormat loaded, String method, Function<CodeFormat, T> body, Set<String> notices) {
        String pluginId = loaded.pluginId();
        if (plugins.isSuspended(pluginId)) {
            return Optional.empty();
        }
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<T> result = calls.submit(() -> {
            runner.set(Thread.currentThread());
            try {
                return body.apply(loaded.format());
            } finally {
                // Under the reaper's lock: once it has decided to stop this call, the thread cannot move on to the
                // next call (which would then be the one stopped) before the stop has landed.
                synchronized (runner) {
                    runner.set(null);
                }
            }
        });
        try {
            return Optional.ofNullable(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            result.cancel(true);
            stopIfStillRunning(runner, pluginId);
            plugins.recordTimeout(pluginId, loaded.info().id(), method, timeout.toMillis());
            notices.add("The " + loaded.info().displayName() + " format took too long and was skipped, so another "
                    + "format read the paste.");
        } catch (ExecutionException e) {
            plugins.recordFailure(pluginId, loaded.info().id(), method, e.getCause());
            notices.add(
                    "The " + loaded.info().displayName() + " format failed on this paste, so another format read it.");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * A plugin that ignores the interrupt (a loop, a regular expression backtracking over a long line) would keep its
     * thread, and a core, busy long after its time was up. After a grace period as long as the time limit, such a
     * thread is stopped: plugin threads hold nothing of the application's, and the plugin is suspended anyway.
     */
    private void stopIfStillRunning(AtomicReference<Thread> runner, String pluginId) {
        reaper.schedule(
                () -> {
                    synchronized (runner) {
                        Thread thread = runner.get();
                        if (thread != null) {
                            stop(thread, pluginId);
                        }
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"
    }) // the one way to end a thread that ignores its interrupt; plugin threads only
    private static void stop(Thread thread, String pluginId) {
        try {
            thread.stop();
            log.warn("Stopped a call into plugin {} that kept running after its time limit", pluginId);
        } catch (UnsupportedOperationException e) {
            log.warn(
                    "A call into plugin {} keeps running after its time limit and this Java cannot stop it; "
                            + "remove the plugin and restart Breakglass",
                    pluginId);
        }
    }

    /** The format that read the paste, what it read, and whether it serves the account's app. */
    private record Choice(String formatId, String formatName, FormatReading reading, boolean servesApp) {}

    /** Daemon threads, so a plugin stuck in a loop never keeps the JVM (or the {@code parse} command) alive. */
    private static final class PluginThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "format-plugin-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
