package dev.breakglass.browser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds the bytes of a heap dump. A small HPROF reader for the two dumps {@link SessionsAndSavesBrowserBenchmark}
 * writes with {@code -Dbreakglass.benchmark.heap-dumps=DIR}: it builds the object graph (every class counts as a GC
 * root, like a loaded class does), its dominator tree (Cooper, Harvey and Kennedy's iterative algorithm) and every
 * object's retained size. Each object's own size is then charged to its nearest dominator that is an "owner" (a
 * session, a UI, a WebSocket connection, ...; see {@link #OWNERS}), so that the growth between the two dumps, divided
 * by the number of sessions added, says who holds what per session; and the dominator tree under one UI and one
 * WebSocket session is printed with the fields that hold each part. Sizes are estimated as HotSpot lays objects out
 * with compressed references (12-byte headers, 4-byte references, 8-byte alignment).
 *
 * <p>Run with the JDK alone: {@code java -Xmx4g app/src/test/java/dev/breakglass/browser/HeapOwners.java
 * sessions-10.hprof sessions-20.hprof 10}.
 */
final class HeapOwners {

    /** Owner classes (or their subclasses), nearest dominator first wins. */
    static final List<String> OWNERS = List.of(
            "org.apache.catalina.session.StandardSession",
            "com.vaadin.flow.server.VaadinSession",
            "com.vaadin.flow.component.UI",
            "com.vaadin.flow.component.internal.UIInternals",
            "com.vaadin.flow.internal.StateTree",
            "com.vaadin.flow.component.Component",
            "org.springframework.security.core.context.SecurityContextImpl",
            "org.apache.tomcat.websocket.WsSession",
            "org.apache.tomcat.websocket.WsFrameBase",
            "org.apache.tomcat.websocket.WsRemoteEndpointImplBase",
            "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler",
            "org.apache.tomcat.util.net.SocketWrapperBase",
            "org.apache.tomcat.util.net.SocketBufferHandler",
            "org.apache.coyote.AbstractProcessorLight",
            "org.atmosphere.cpr.AtmosphereResourceImpl",
            "org.atmosphere.cpr.AtmosphereRequestImpl",
            "org.atmosphere.cpr.AtmosphereResponseImpl",
            "org.atmosphere.websocket.WebSocket",
            "java.lang.Thread");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HeapOwners first.hprof [second.hprof sessionsAdded]");
            return;
        }
        Heap first = Heap.read(Path.of(args[0]));
        Map<String, Long> before = first.bytesByOwner();
        if (args.length < 3) {
            print(before, 1);
            first.showInside("com.vaadin.flow.component.UI", 4);
            first.showInside("org.apache.tomcat.websocket.WsSession", 4);
            return;
        }
        Heap second = Heap.read(Path.of(args[1]));
        int added = Integer.parseInt(args[2]);
        Map<String, Long> beforeByPath = first.bytesByPathOwner();
        Map<String, Long> growthByPath = new HashMap<>();
        second.bytesByPathOwner()
                .forEach((key, bytes) -> growthByPath.put(key, bytes - beforeByPath.getOrDefault(key, 0L)));
        beforeByPath.forEach((key, bytes) -> growthByPath.putIfAbsent(key, -bytes));
        Map<String, Long> after = second.bytesByOwner();
        Map<String, Long> growth = new HashMap<>();
        after.forEach((key, bytes) -> growth.put(key, bytes - before.getOrDefault(key, 0L)));
        before.forEach((key, bytes) -> growth.putIfAbsent(key, -bytes));
        System.out.printf(
                "Live heap (estimated): %.1f MB and %.1f MB: %.0f KB per session added%n",
                first.total() / 1e6, second.total() / 1e6, (second.total() - first.total()) / 1024.0 / added);
        print(growth, added);
        System.out.println();
        System.out.println("The same, shared objects charged along their shortest path from a GC root:");
        print(growthByPath, added);
        Map<String, Long> arraysBefore = first.largeArraysByHolder();
        Map<String, Long> arrayGrowth = new HashMap<>();
        second.largeArraysByHolder()
                .forEach((key, bytes) -> arrayGrowth.put(key, bytes - arraysBefore.getOrDefault(key, 0L)));
        System.out.println();
        System.out.println("Arrays of 1 KB or more, by the field that holds them (bytes per session):");
        arrayGrowth.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> entry.getValue() / added >= 512)
                .forEach(entry -> System.out.printf("%10d  %s%n", entry.getValue() / added, entry.getKey()));
        Map<String, Long> componentsBefore = first.componentCounts();
        System.out.println();
        System.out.println("Components per session, by class:");
        second.componentCounts().forEach((name, instances) -> {
            long added1 = instances - componentsBefore.getOrDefault(name, 0L);
            if (added1 >= added) {
                System.out.printf("%10.1f  %s%n", added1 / (double) added, name);
            }
        });
        second.showInside("com.vaadin.flow.component.internal.UIInternals", 3);
    }

    private static void print(Map<String, Long> bytes, int per) {
        Map<String, Long> byOwner = new TreeMap<>();
        bytes.forEach((key, value) -> {
            if (!key.startsWith("(no owner) <")) {
                byOwner.merge(key.substring(0, key.indexOf(" | ")), value, Long::sum);
            }
        });
        System.out.println("Bytes per session, by nearest owning dominator:");
        byOwner.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> Math.abs(entry.getValue() / per) >= 512)
                .forEach(entry -> System.out.printf("%10d  %s%n", entry.getValue() / per, entry.getKey()));
        System.out.println("... and by owner | class of the object:");
        bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> Math.abs(entry.getValue() / per) >= 1024)
                .limit(60)
                .forEach(entry -> System.out.printf("%10d  %s%n", entry.getValue() / per, entry.getKey()));
    }

    /** One parsed dump: objects by index (0 is a virtual root above the GC roots), edges, dominators, sizes. */
    private static final class Heap {

        private static final int INSTANCE = 0;
        private static final int OBJECT_ARRAY = 1;
        private static final int PRIMITIVE_ARRAY = 2;
        private static final int CLASS = 3;

        private final ByteBuffer dump;
        private final int idSize;
        private final Map<Long, String> strings = new HashMap<>();
        private final Map<Long, String> classNames = new HashMap<>();
        private final Map<Long, ClassInfo> classes = new HashMap<>();
        private final IdIndex index = new IdIndex();
        private long[] ids = new long[1 << 20];
        private long[] positions = new long[1 << 20];
        private long[] classOf = new long[1 << 20];
        private byte[] kinds = new byte[1 << 20];
        private int count = 1;
        private long[] rootIds = new long[1 << 12];
        private int rootCount;
        private int[] edgeStart;
        private int[] edges;
        private int[] sizes;
        private int[] dominator;
        private long[] retained;
        private int[] order;
        private int[] parent; // on a shortest path from a GC root, after bytesByPathOwner
        private int reachable;

        private record ClassInfo(long superId, long[] fieldNames, byte[] fieldTypes, long[] staticRefs) {}

        private Heap(ByteBuffer dump, int idSize) {
            this.dump = dump;
            this.idSize = idSize;
        }

        static Heap read(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MappedByteBuffer dump = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                int header = 0;
                while (dump.get(header) != 0) {
                    header++;
                }
                Heap heap = new Heap(dump, dump.getInt(header + 1));
                heap.readRecords(header + 1 + 4 + 8);
                heap.readEdges();
                heap.dominate();
                return heap;
            }
        }

        private long id(long position) {
            return idSize == 8 ? dump.getLong((int) position) : dump.getInt((int) position) & 0xffffffffL;
        }

        private static int size(int type, int idSize) {
            return switch (type) {
                case 2 -> idSize;
                case 4, 8 -> 1;
                case 5, 9 -> 2;
                case 6, 10 -> 4;
                case 7, 11 -> 8;
                default -> throw new IllegalStateException("unknown basic type " + type);
            };
        }

        private void readRecords(long position) {
            long end = dump.capacity();
            while (position < end) {
                int tag = dump.get((int) position) & 0xff;
                long length = dump.getInt((int) position + 5) & 0xffffffffL;
                long body = position + 9;
                if (tag == 0x01) {
                    byte[] text = new byte[(int) length - idSize];
                    dump.get((int) body + idSize, text);
                    strings.put(id(body), new String(text, StandardCharsets.UTF_8));
                } else if (tag == 0x02) {
                    classNames.put(id(body + 4), strings.get(id(body + 4 + idSize + 4)));
                } else if (tag == 0x0c || tag == 0x1c) {
                    readHeap(body, body + length);
                }
                position = body + length;
            }
        }

        private void readHeap(long position, long end) {
            while (position < end) {
                int tag = dump.get((int) position++) & 0xff;
                switch (tag) {
                    case 0xff, 0x05, 0x07 -> {
                        root(id(position));
                        position += idSize;
                    }
                    case 0x01 -> {
                        root(id(position));
                        position += 2L * idSize;
                    }
                    case 0x02, 0x03, 0x08 -> {
                        root(id(position));
                        position += idSize + 8;
                    }
                    case 0x04, 0x06 -> {
                        root(id(position));
                        position += idSize + 4;
                    }
                    case 0x20 -> position = readClass(position);
                    case 0x21 -> {
                        add(id(position), position, INSTANCE, id(position + idSize + 4));
                        position += 2L * idSize + 4 + 4 + (dump.getInt((int) position + 2 * idSize + 4) & 0xffffffffL);
                    }
                    case 0x22 -> {
                        long length = dump.getInt((int) position + idSize + 4) & 0xffffffffL;
                        add(id(position), position, OBJECT_ARRAY, id(position + idSize + 8));
                        position += 2L * idSize + 8 + length * idSize;
                    }
                    case 0x23 -> {
                        long length = dump.getInt((int) position + idSize + 4) & 0xffffffffL;
                        int type = dump.get((int) position + idSize + 8);
                        add(id(position), position, PRIMITIVE_ARRAY, type);
                        position += idSize + 9 + length * size(type, idSize);
                    }
                    default -> throw new IllegalStateException("unknown heap record " + tag + " at " + position);
                }
            }
        }

        private long readClass(long position) {
            long classId = id(position);
            long superId = id(position + idSize + 4);
            long at = position + 7L * idSize + 4 + 4;
            int constants = dump.getShort((int) at) & 0xffff;
            at += 2;
            for (int i = 0; i < constants; i++) {
                at += 2 + 1 + size(dump.get((int) at + 2), idSize);
            }
            int statics = dump.getShort((int) at) & 0xffff;
            at += 2;
            List<Long> staticRefs = new ArrayList<>();
            for (int i = 0; i < statics; i++) {
                int type = dump.get((int) at + idSize);
                if (type == 2) {
                    staticRefs.add(id(at + idSize + 1));
                }
                at += idSize + 1 + size(type, idSize);
            }
            int fields = dump.getShort((int) at) & 0xffff;
            at += 2;
            long[] names = new long[fields];
            byte[] types = new byte[fields];
            for (int i = 0; i < fields; i++) {
                names[i] = id(at);
                types[i] = dump.get((int) at + idSize);
                at += idSize + 1;
            }
            classes.put(
                    classId,
                    new ClassInfo(
                            superId,
                            names,
                            types,
                            staticRefs.stream().mapToLong(Long::longValue).toArray()));
            add(classId, position, CLASS, classId);
            root(classId);
            return at;
        }

        private void root(long id) {
            if (rootCount == rootIds.length) {
                rootIds = Arrays.copyOf(rootIds, rootCount * 2);
            }
            rootIds[rootCount++] = id;
        }

        private void add(long id, long position, int kind, long classId) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                positions = Arrays.copyOf(positions, count * 2);
                classOf = Arrays.copyOf(classOf, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            ids[count] = id;
            positions[count] = position;
            classOf[count] = classId;
            kinds[count] = (byte) kind;
            index.put(id, count++);
        }

        /** The references of every object, as arrays of indexes, and every object's estimated own size. */
        private void readEdges() {
            edgeStart = new int[count + 1];
            sizes = new int[count];
            IntList out = new IntList();
            for (int i = 0; i < rootCount; i++) {
                out.addIfKnown(index.get(rootIds[i]));
            }
            for (int object = 1; object < count; object++) {
                edgeStart[object] = out.size;
                long position = positions[object];
                switch (kinds[object]) {
                    case INSTANCE -> {
                        long at = position + 2L * idSize + 8;
                        int bytes = 12;
                        for (ClassInfo info = classes.get(classOf[object]);
                                info != null;
                                info = classes.get(info.superId())) {
                            for (byte type : info.fieldTypes()) {
                                if (type == 2) {
                                    out.addIfKnown(index.get(id(at)));
                                    bytes += 4;
                                } else {
                                    bytes += size(type, idSize);
                                }
                                at += size(type, idSize);
                            }
                        }
                        sizes[object] = align(bytes);
                    }
                    case OBJECT_ARRAY -> {
                        int length = dump.getInt((int) position + idSize + 4);
                        long at = position + 2L * idSize + 8;
                        for (int i = 0; i < length; i++) {
                            out.addIfKnown(index.get(id(at + (long) i * idSize)));
                        }
                        sizes[object] = align(16 + 4L * length);
                    }
                    case PRIMITIVE_ARRAY -> {
                        int length = dump.getInt((int) position + idSize + 4);
                        sizes[object] = align(16 + (long) length * size((int) classOf[object], idSize));
                    }
                    default -> {
                        ClassInfo info = classes.get(ids[object]);
                        for (long ref : info.staticRefs()) {
                            out.addIfKnown(index.get(ref));
                        }
                        sizes[object] = align(16 + 4L * info.staticRefs().length);
                    }
                }
            }
            edgeStart[count] = out.size;
            edges = out.values;
        }

        private static int align(long bytes) {
            return (int) ((bytes + 7) & ~7L);
        }

        /** Immediate dominators (Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm") and retained sizes. */
        private void dominate() {
            order = new int[count]; // reverse postorder: order[k] is the k-th node, dominators first
            int[] rank = new int[count]; // node -> its postorder number (higher is nearer the root); -1 unreachable
            Arrays.fill(rank, -1);
            int[] stack = new int[count];
            int[] cursor = new int[count];
            boolean[] seen = new boolean[count];
            int depth = 0;
            int post = 0;
            stack[depth++] = 0;
            seen[0] = true;
            cursor[0] = edgeStart[0];
            while (depth > 0) {
                int node = stack[depth - 1];
                int end = edgeStart[node + 1];
                if (cursor[node] < end) {
                    int next = edges[cursor[node]++];
                    if (!seen[next]) {
                        seen[next] = true;
                        cursor[next] = edgeStart[next];
                        stack[depth++] = next;
                    }
                } else {
                    depth--;
                    rank[node] = post++;
                }
            }
            reachable = post;
            for (int node = 0; node < count; node++) {
                if (rank[node] >= 0) {
                    order[reachable - 1 - rank[node]] = node;
                }
            }
            // predecessors, reachable nodes only
            int[] predStart = new int[count + 1];
            for (int node = 0; node < count; node++) {
                if (rank[node] >= 0) {
                    for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                        predStart[edges[e] + 1]++;
                    }
                }
            }
            for (int node = 0; node < count; node++) {
                predStart[node + 1] += predStart[node];
            }
            int[] preds = new int[predStart[count]];
            int[] fill = Arrays.copyOf(predStart, count);
            for (int node = 0; node < count; node++) {
                if (rank[node] >= 0) {
                    for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                        preds[fill[edges[e]]++] = node;
                    }
                }
            }
            dominator = new int[count];
            Arrays.fill(dominator, -1);
            dominator[0] = 0;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int k = 1; k < reachable; k++) {
                    int node = order[k];
                    int idom = -1;
                    for (int p = predStart[node]; p < predStart[node + 1]; p++) {
                        int pred = preds[p];
                        if (dominator[pred] < 0) {
                            continue;
                        }
                        if (idom < 0) {
                            idom = pred;
                        } else {
                            int a = pred;
                            int b = idom;
                            while (a != b) {
                                while (rank[a] < rank[b]) {
                                    a = dominator[a];
                                }
                                while (rank[b] < rank[a]) {
                                    b = dominator[b];
                                }
                            }
                            idom = a;
                        }
                    }
                    if (dominator[node] != idom) {
                        dominator[node] = idom;
                        changed = true;
                    }
                }
            }
            retained = new long[count];
            for (int k = reachable - 1; k >= 1; k--) {
                int node = order[k];
                retained[node] += sizes[node];
                retained[dominator[node]] += retained[node];
            }
        }

        long total() {
            return retained[0];
        }

        String className(int object) {
            return switch (kinds[object]) {
                case PRIMITIVE_ARRAY ->
                    switch ((int) classOf[object]) {
                        case 4 -> "boolean[]";
                        case 5 -> "char[]";
                        case 6 -> "float[]";
                        case 7 -> "double[]";
                        case 8 -> "byte[]";
                        case 9 -> "short[]";
                        case 10 -> "int[]";
                        default -> "long[]";
                    };
                case CLASS ->
                    "class " + classNames.getOrDefault(ids[object], "?").replace('/', '.');
                default -> classNames.getOrDefault(classOf[object], "?").replace('/', '.');
            };
        }

        /** The owner an object's class is or extends, or null. */
        private String ownerKind(int object, Map<Long, String> cache) {
            if (kinds[object] != INSTANCE) {
                return null;
            }
            return cache.computeIfAbsent(classOf[object], classId -> {
                for (ClassInfo info = classes.get(classId); classId != 0; ) {
                    String name = classNames.getOrDefault(classId, "?").replace('/', '.');
                    if (OWNERS.contains(name)) {
                        return name;
                    }
                    classId = info == null ? 0 : info.superId();
                    info = classes.get(classId);
                }
                return "";
            });
        }

        /**
         * Bytes by "owner | class", where an object that no owner dominates (it is shared, e.g. both a session and a
         * connection reach it) is charged to the nearest owner on its shortest path from a GC root. A component owner
         * is named by its own class, so the account page's parts show apart.
         */
        Map<String, Long> bytesByPathOwner() {
            Map<Long, String> cache = new HashMap<>();
            parent = new int[count];
            Arrays.fill(parent, -1);
            int[] queue = new int[count];
            int head = 0;
            int tail = 0;
            queue[tail++] = 0;
            parent[0] = 0;
            String[] owner = new String[count];
            owner[0] = "(no owner)";
            Map<String, Long> bytes = new HashMap<>();
            while (head < tail) {
                int node = queue[head++];
                if (node != 0) {
                    String kind = ownerKind(node, cache);
                    owner[node] = kind == null || kind.isEmpty()
                            ? owner[parent[node]]
                            : kind.equals("com.vaadin.flow.component.Component") ? className(node) : kind;
                    bytes.merge(owner[node] + " | " + className(node), (long) sizes[node], Long::sum);
                    if (owner[node].equals("(no owner)")) {
                        // what holds the objects no owner holds: the classes on the path to them
                        StringBuilder path = new StringBuilder();
                        for (int up = parent[node], hops = 0; up != 0 && hops < 14; up = parent[up], hops++) {
                            path.append(" < ").append(className(up));
                        }
                        bytes.merge("(no owner)" + path + " | " + className(node), (long) sizes[node], Long::sum);
                    }
                }
                for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                    int next = edges[e];
                    if (parent[next] < 0) {
                        parent[next] = node;
                        queue[tail++] = next;
                    }
                }
            }
            return bytes;
        }

        /**
         * Arrays of 1 KB or more by what holds them: the field that refers to each on its shortest path from a root,
         * looking through the buffer or String around it (a WebSocket's buffers are ByteBuffers and CharBuffers).
         */
        Map<String, Long> largeArraysByHolder() {
            Map<String, Long> bytes = new HashMap<>();
            for (int object = 1; object < count; object++) {
                if (kinds[object] == PRIMITIVE_ARRAY && sizes[object] >= 1024 && parent[object] > 0) {
                    String holder = holder(object);
                    int up = parent[object];
                    if (className(up).startsWith("java.nio.") || className(up).equals("java.lang.String")) {
                        holder = holder(up) + " -> " + holder;
                    }
                    bytes.merge(holder + " | " + className(object), (long) sizes[object], Long::sum);
                }
            }
            return bytes;
        }

        private String holder(int object) {
            int up = parent[object];
            String field = fieldNames(up).get(object);
            return className(up) + (field == null ? "" : "." + field);
        }

        /** Bytes by "owner | class": every object's own size charged to itself if an owner, else its nearest owner. */
        Map<String, Long> bytesByOwner() {
            Map<Long, String> cache = new HashMap<>();
            String[] owner = new String[count]; // the nearest owner of each node, itself included
            owner[0] = "(no owner)";
            Map<String, Long> bytes = new HashMap<>();
            for (int k = 1; k < reachable; k++) {
                int object = order[k];
                String kind = ownerKind(object, cache);
                owner[object] = kind != null && !kind.isEmpty() ? kind : owner[dominator[object]];
                bytes.merge(owner[object] + " | " + className(object), (long) sizes[object], Long::sum);
            }
            return bytes;
        }

        /** How many instances of each component class the heap holds. */
        Map<String, Long> componentCounts() {
            Map<Long, String> cache = new HashMap<>();
            Map<String, Long> counts = new TreeMap<>();
            for (int object = 1; object < count; object++) {
                String kind = ownerKind(object, cache);
                if (dominator[object] >= 0 && kind != null && kind.endsWith(".Component")) {
                    counts.merge(className(object), 1L, Long::sum);
                }
            }
            return counts;
        }

        /** The dominator tree under the median instance of a class (by retained size), with the holding fields. */
        void showInside(String className, int levels) {
            List<Integer> instances = new ArrayList<>();
            Map<Long, String> cache = new HashMap<>();
            for (int object = 1; object < count; object++) {
                if (dominator[object] >= 0 && className.equals(ownerKind(object, cache))) {
                    instances.add(object);
                }
            }
            if (instances.isEmpty()) {
                return;
            }
            instances.sort(Comparator.comparingLong(object -> retained[object]));
            int median = instances.get(instances.size() / 2);
            System.out.printf(
                    "%nInside the median %s of %d (%s, retains %d bytes; the largest retains %d):%n",
                    className,
                    instances.size(),
                    className(median),
                    retained[median],
                    retained[instances.get(instances.size() - 1)]);
            int[][] children = childrenIndex();
            show(median, children, 1, levels, "");
        }

        private int[][] childrenIndex() {
            int[] counts = new int[count];
            for (int object = 1; object < count; object++) {
                if (dominator[object] >= 0) {
                    counts[dominator[object]]++;
                }
            }
            int[][] children = new int[count][];
            for (int object = 0; object < count; object++) {
                children[object] = new int[counts[object]];
            }
            Arrays.fill(counts, 0);
            for (int object = 1; object < count; object++) {
                if (dominator[object] >= 0) {
                    children[dominator[object]][counts[dominator[object]]++] = object;
                }
            }
            return children;
        }

        private void show(int node, int[][] children, int level, int levels, String indent) {
            Map<Integer, String> fields = fieldNames(node);
            Integer[] sorted = Arrays.stream(children[node]).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    sorted,
                    Comparator.comparingLong((Integer child) -> retained[child]).reversed());
            Map<String, long[]> small = new LinkedHashMap<>();
            for (int child : sorted) {
                if (retained[child] >= 1024) {
                    System.out.printf(
                            "%s%8d  %s%s%n",
                            indent,
                            retained[child],
                            fields.containsKey(child) ? "." + fields.get(child) + " " : "",
                            className(child));
                    if (level < levels) {
                        show(child, children, level + 1, levels, indent + "  ");
                    }
                } else {
                    long[] sum = small.computeIfAbsent(className(child), name -> new long[2]);
                    sum[0]++;
                    sum[1] += retained[child];
                }
            }
            small.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[1])
                            .reversed())
                    .limit(6)
                    .forEach(entry -> System.out.printf(
                            "%s%8d  %d x %s%n", indent, entry.getValue()[1], entry.getValue()[0], entry.getKey()));
        }

        /** Which field of an instance (or element of an array) refers to each object it refers to directly. */
        private Map<Integer, String> fieldNames(int object) {
            Map<Integer, String> names = new HashMap<>();
            if (kinds[object] == INSTANCE) {
                long at = positions[object] + 2L * idSize + 8;
                for (ClassInfo info = classes.get(classOf[object]); info != null; info = classes.get(info.superId())) {
                    for (int f = 0; f < info.fieldTypes().length; f++) {
                        int type = info.fieldTypes()[f];
                        if (type == 2) {
                            int target = index.get(id(at));
                            if (target > 0) {
                                names.putIfAbsent(target, strings.get(info.fieldNames()[f]));
                            }
                        }
                        at += size(type, idSize);
                    }
                }
            } else if (kinds[object] == OBJECT_ARRAY) {
                int length = dump.getInt((int) positions[object] + idSize + 4);
                for (int i = 0; i < length; i++) {
                    int target = index.get(id(positions[object] + 2L * idSize + 8 + (long) i * idSize));
                    if (target > 0) {
                        names.putIfAbsent(target, "[" + i + "]");
                    }
                }
            }
            return names;
        }
    }

    /** Object ids to indexes: open addressing on primitive arrays (a dump holds millions of objects). */
    private static final class IdIndex {
        private long[] keys = new long[1 << 21];
        private int[] values = new int[1 << 21];
        private int size;

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int slot = slot(key);
            if (keys[slot] == 0) {
                size++;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        /** The index of an id, or 0 (the virtual root) when the dump holds no such object. */
        int get(long key) {
            return key == 0 ? 0 : values[slot(key)];
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    private static final class IntList {
        private int[] values = new int[1 << 22];
        private int size;

        void addIfKnown(int value) {
            if (value > 0) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = value;
            }
        }
    }

    private HeapOwners() {}
}
