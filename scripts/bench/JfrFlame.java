import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A flame graph of a JFR recording's execution samples (JDK only: {@code java scripts/bench/JfrFlame.java …}).
 *
 * <pre>
 * java scripts/bench/JfrFlame.java portal.jfr                 # collapsed stacks, for flamegraph.pl or speedscope.app
 * java scripts/bench/JfrFlame.java portal.jfr --tree 2        # the same as an indented tree, nodes of 2 % and more
 * java scripts/bench/JfrFlame.java portal.jfr --tree 2 --threads 'io-executor|event-loop'
 * </pre>
 *
 * Record the portal under the search bench with {@code BENCH_PORTAL_OPTS="-XX:FlightRecorderOptions:stackdepth=256
 * -XX:StartFlightRecording=filename=portal.jfr,settings=profile" ./vivier bench search 10000} (JFR keeps 64 frames by
 * default: deeper stacks then start mid-way and show as roots of their own).
 * Frames are « package.Class.method » (in the tree, the package cut after its first two names); a tree line reads
 * « share of all samples, frame », and « a … b » stands for a chain of frames with no other branch. Samples of the JIT, GC and JFR's own threads are not execution samples, so they are not counted.
 */
public class JfrFlame {
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        long samples;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java scripts/bench/JfrFlame.java RECORDING.jfr [--tree MIN_PERCENT] [--threads REGEX]");
            System.exit(2);
        }
        double treeMin = -1;
        Pattern threads = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--tree" -> treeMin = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Long> collapsed = new HashMap<>();
        Node root = new Node();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (threads != null && (thread == null || !threads.matcher(thread).find())) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(name(frame, treeMin >= 0));
            }
            Collections.reverse(frames);
            collapsed.merge(String.join(";", frames), 1L, Long::sum);
            Node node = root;
            root.samples++;
            for (String frame : frames) {
                node = node.children.computeIfAbsent(frame, f -> new Node());
                node.samples++;
            }
        }
        if (treeMin < 0) {
            collapsed.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.println(e.getKey() + " " + e.getValue()));
        } else {
            System.out.printf("%d samples%n", root.samples);
            print(root, root.samples, treeMin, 0);
        }
    }

    private static String name(RecordedFrame frame, boolean shortPackages) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        String shortType = !shortPackages || parts.length <= 3 ? type : parts[0] + "." + parts[1] + "…" + parts[parts.length - 1];
        return shortType + "." + frame.getMethod().getName();
    }

    /** Each child of at least minPercent of all samples, heaviest first; a chain of single children stays on one level. */
    private static void print(Node node, long total, double minPercent, int depth) {
        node.children.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue().samples, a.getValue().samples))
            .filter(e -> e.getValue().samples * 100.0 / total >= minPercent)
            .forEach(e -> {
                Node child = e.getValue();
                String label = e.getKey();
                boolean elided = false;
                while (child.children.size() == 1 && child.children.values().iterator().next().samples == child.samples) {
                    Map.Entry<String, Node> only = child.children.entrySet().iterator().next();
                    label = only.getKey();
                    child = only.getValue();
                    elided = true;
                }
                System.out.printf("%5.1f %%  %s%s%n", child.samples * 100.0 / total, "  ".repeat(depth), (elided ? e.getKey() + " … " : "") + label);
                print(child, total, minPercent, depth + 1);
            });
    }
}
