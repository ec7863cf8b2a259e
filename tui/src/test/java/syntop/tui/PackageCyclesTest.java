package syntop.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.Snapshot;
import syntop.tui.console.ConsoleLoop;

/**
 * No package of collectors or of tui depends, through any chain, on a package that depends back on
 * it. The dependencies are read from the compiled classes by jdeps, so fully qualified names count
 * as well as imports. The test lives in tui because tui sees both modules' classes on its class path.
 * README's layout section lists the same packages, each with its job.
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void collectorsHasNoPackageCycle() {
        assertEquals(List.of(), cycles(classDependencies(classesOf(Snapshot.class)), "syntop.collectors"));
    }

    @Test
    void tuiHasNoPackageCycle() {
        assertEquals(List.of(), cycles(classDependencies(classesOf(ConsoleLoop.class)), "syntop.tui"));
    }

    /** README's layout tables name every package of collectors and tui, and no package that is gone. */
    @Test
    void readmeListsThePackages() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        assertEquals(packagesIn(classesOf(Snapshot.class), "syntop.collectors"), listedIn(readme, "syntop.collectors"));
        assertEquals(packagesIn(classesOf(ConsoleLoop.class), "syntop.tui"), listedIn(readme, "syntop.tui"));
    }

    @Test
    void aCycleIsReported() {
        Map<String, Set<String>> deps = Map.of(
                "syntop.tui.a.A", Set.of("syntop.tui.b.B"),
                "syntop.tui.b.B", Set.of("syntop.tui.a.A", "syntop.tui.c.C"),
                "syntop.tui.c.C", Set.of());
        assertEquals(List.of("syntop.tui.a <-> syntop.tui.b via syntop.tui.a.A -> syntop.tui.b.B, "
                + "syntop.tui.b.B -> syntop.tui.a.A"), cycles(deps, "syntop.tui"));
    }

    @Test
    void aCycleThroughThreePackagesIsReported() {
        Map<String, Set<String>> deps = Map.of(
                "syntop.collectors.a.A", Set.of("syntop.collectors.b.B"),
                "syntop.collectors.b.B", Set.of("syntop.collectors.c.C"),
                "syntop.collectors.c.C", Set.of("syntop.collectors.a.A", "java.lang.String"));
        assertEquals(List.of("syntop.collectors.a <-> syntop.collectors.b <-> syntop.collectors.c via "
                + "syntop.collectors.a.A -> syntop.collectors.b.B, syntop.collectors.b.B -> syntop.collectors.c.C, "
                + "syntop.collectors.c.C -> syntop.collectors.a.A"), cycles(deps, "syntop.collectors"));
    }

    @Test
    void dependenciesOneWayAreNoCycle() {
        Map<String, Set<String>> deps = Map.of(
                "syntop.tui.a.A", Set.of("syntop.tui.b.B", "syntop.tui.c.C"),
                "syntop.tui.b.B", Set.of("syntop.tui.c.C"),
                "syntop.tui.c.C", Set.of("syntop.collectors.model.Snapshot"),
                "syntop.collectors.model.Snapshot", Set.of("syntop.tui.a.A"));
        assertEquals(List.of(), cycles(deps, "syntop.tui"));
    }

    /**
     * The packages a README table names under {@code root}: its rows' first cells and, in a row's job,
     * any sub-package of that row's package ({@code os.linux} in the {@code os} row).
     */
    static Set<String> listedIn(String readme, String root) {
        String header = "| package (`" + root + ".`) | job |";
        int from = readme.indexOf(header);
        assertTrue(from >= 0, "README has no table headed " + header);
        Set<String> out = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| `([a-z.]+)` \\|(.*)\\|$");
        for (String line : readme.substring(from).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), "not a package row: " + line);
            out.add(root + "." + m.group(1));
            Matcher sub = Pattern.compile("`(" + Pattern.quote(m.group(1)) + "\\.[a-z.]+)`").matcher(m.group(2));
            while (sub.find()) {
                out.add(root + "." + sub.group(1));
            }
        }
        return out;
    }

    /** The packages under {@code root} that hold a class in {@code classes}, from jdeps. */
    private static Set<String> packagesIn(Path classes, String root) {
        Set<String> out = new TreeSet<>();
        classDependencies(classes).keySet().stream().filter(c -> inside(c, root) && !packageOf(c).equals(root))
                .forEach(c -> out.add(packageOf(c)));
        return out;
    }

    /** Each cycle as "p <-> q via class edges", for packages under {@code root}; empty when none. */
    static List<String> cycles(Map<String, Set<String>> classDeps, String root) {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, List<String>> why = new HashMap<>();
        classDeps.forEach((from, tos) -> {
            if (!inside(from, root)) {
                return;
            }
            for (String to : new TreeSet<>(tos)) {
                String p = packageOf(from);
                String q = packageOf(to);
                if (inside(to, root) && !p.equals(q)) {
                    graph.computeIfAbsent(p, k -> new TreeSet<>()).add(q);
                    why.computeIfAbsent(p + " " + q, k -> new ArrayList<>()).add(from + " -> " + to);
                }
            }
        });
        List<String> out = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> edges = new ArrayList<>();
            for (String p : component) {
                for (String q : graph.getOrDefault(p, Set.of())) {
                    if (component.contains(q)) {
                        edges.add(why.get(p + " " + q).stream().sorted().findFirst().orElseThrow());
                    }
                }
            }
            out.add(String.join(" <-> ", component) + " via " + String.join(", ", new TreeSet<>(edges)));
        }
        return out;
    }

    private static boolean inside(String className, String root) {
        return className.startsWith(root + ".");
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** Tarjan's algorithm; each component's packages sorted. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }

    private static Path classesOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Class-to-class dependencies of the classes in {@code classes} (a directory or a jar), by jdeps. */
    private static Map<String, Set<String>> classDependencies(Path classes) {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assertTrue(jdeps.isPresent(), "this JDK has no jdeps");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.get().run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:none", classes.toString());
        assertEquals(0, rc, err.toString());
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                deps.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertTrue(deps.size() > 10, "jdeps listed no classes in " + classes);
        return deps;
    }
}
