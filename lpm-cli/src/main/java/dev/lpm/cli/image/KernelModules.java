package dev.lpm.cli.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The modules of one kernel, as its Debian package ships them in {@code /usr/lib/modules/VERSION}: the module
 * files under {@code kernel/} (compressed), {@code modules.builtin} and {@code modules.builtin.modinfo}. The
 * package has no {@code modules.dep} (depmod makes it at install time), so dependencies come from each module's
 * own {@code .modinfo}: {@code depends=} (hard) and {@code softdep=pre: ...} (loaded first when present, e.g.
 * ext4's {@code crypto-crc32c}). Module names treat {@code -} and {@code _} alike, as the kernel does.
 */
public final class KernelModules {
    private final Path dir;
    private final Map<String, Path> files = new TreeMap<>();
    private final Set<String> builtin = new HashSet<>();
    private final Map<String, String> builtinAliases = new HashMap<>();
    private final Map<String, Module> loaded = new HashMap<>();

    /** A loadable module: its name, source file, decompressed image and .modinfo dependencies. */
    public record Module(String name, Path file, byte[] image, List<String> depends, List<String> softPre,
                         List<String> aliases) {
    }

    /**
     * What to put in an image: {@code load} in dependency order (dependencies first), the wanted names that are
     * built into the kernel, wanted optional names the kernel lacks, and notes (unresolved soft dependencies).
     */
    public record Resolution(List<Module> load, List<String> builtin, List<String> missing, List<String> notes) {
        public List<String> loadOrder() {
            return load.stream().map(Module::name).toList();
        }
    }

    private KernelModules(Path dir) {
        this.dir = dir;
    }

    /** Reads the module index of {@code moduleDir} ({@code .../lib/modules/VERSION}). */
    public static KernelModules open(Path moduleDir) throws IOException {
        if (!Files.isDirectory(moduleDir)) {
            throw new ImageBuildException("no kernel modules at " + moduleDir);
        }
        KernelModules km = new KernelModules(moduleDir);
        try (Stream<Path> walk = Files.walk(moduleDir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String n = p.getFileName().toString();
                String plain = Compression.stripSuffix(n);
                if (plain.endsWith(".ko") && Files.isRegularFile(p)) {
                    km.files.putIfAbsent(normalize(plain.substring(0, plain.length() - 3)), p);
                }
            }
        }
        Path builtinList = moduleDir.resolve("modules.builtin");
        if (Files.isRegularFile(builtinList)) {
            for (String line : Files.readAllLines(builtinList)) {
                String n = line.strip();
                if (!n.isEmpty()) {
                    n = n.substring(n.lastIndexOf('/') + 1);
                    km.builtin.add(normalize(n.endsWith(".ko") ? n.substring(0, n.length() - 3) : n));
                }
            }
        }
        Path builtinInfo = moduleDir.resolve("modules.builtin.modinfo");
        if (Files.isRegularFile(builtinInfo)) {
            for (String rec : new String(Files.readAllBytes(builtinInfo), StandardCharsets.UTF_8).split("\0")) {
                int dot = rec.indexOf('.'), eq = rec.indexOf('=');
                if (dot > 0 && eq > dot && rec.substring(dot + 1, eq).equals("alias")) {
                    String module = normalize(rec.substring(0, dot));
                    km.builtin.add(module);
                    km.builtinAliases.putIfAbsent(rec.substring(eq + 1), module);
                }
            }
        }
        return km;
    }

    /** {@code virtio-rng} and {@code virtio_rng} are the same module. */
    public static String normalize(String name) {
        return name.replace('-', '_');
    }

    public Path directory() {
        return dir;
    }

    public boolean isBuiltin(String name) {
        return builtin.contains(normalize(name));
    }

    public boolean isModule(String name) {
        return files.containsKey(normalize(name));
    }

    /**
     * Resolves {@code required} (each must be a module or built in) and {@code optional} (skipped, and listed
     * in {@link Resolution#missing()}, when the kernel has neither) with their dependencies.
     */
    public Resolution resolve(List<String> required, List<String> optional) throws IOException {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        List<String> builtinWanted = new ArrayList<>(), missing = new ArrayList<>(), notes = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String w : required) {
            String n = normalize(w);
            if (builtin.contains(n)) {
                builtinWanted.add(n);
            } else if (files.containsKey(n)) {
                visit(n, order, visiting, notes);
            } else {
                throw new ImageBuildException("the kernel in " + dir + " has neither a module nor a built-in " + w);
            }
        }
        for (String w : optional) {
            String n = normalize(w);
            if (builtin.contains(n)) {
                builtinWanted.add(n);
            } else if (files.containsKey(n)) {
                visit(n, order, visiting, notes);
            } else {
                missing.add(n);
            }
        }
        List<Module> load = new ArrayList<>();
        for (String n : order) {
            load.add(loaded.get(n));
        }
        return new Resolution(List.copyOf(load), List.copyOf(builtinWanted), List.copyOf(missing), List.copyOf(notes));
    }

    private void visit(String name, LinkedHashSet<String> order, Set<String> visiting, List<String> notes)
            throws IOException {
        if (order.contains(name) || builtin.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new ImageBuildException("kernel module dependency cycle through " + name);
        }
        Module m = load(name);
        for (String soft : m.softPre()) {
            String target = resolveAlias(soft);
            if (target == null) {
                notes.add("soft dependency " + soft + " of " + name + " not found");
            } else if (!builtin.contains(target)) {
                visit(target, order, visiting, notes);
            }
        }
        for (String dep : m.depends()) {
            String d = normalize(dep);
            if (builtin.contains(d)) {
                continue;
            }
            if (!files.containsKey(d)) {
                throw new ImageBuildException("kernel module " + name + " depends on " + dep + ", which is missing");
            }
            visit(d, order, visiting, notes);
        }
        visiting.remove(name);
        order.add(name);
    }

    /** A module name for a softdep entry, which is a module name or an alias such as {@code crypto-crc32c}. */
    private String resolveAlias(String nameOrAlias) throws IOException {
        String n = normalize(nameOrAlias);
        if (builtin.contains(n) || files.containsKey(n)) {
            return n;
        }
        String b = builtinAliases.get(nameOrAlias);
        if (b != null) {
            return b;
        }
        // No modules.alias in the package: look at the modules whose names start like the alias's tail.
        String stem = normalize(nameOrAlias.contains("-") ? nameOrAlias.substring(nameOrAlias.indexOf('-') + 1)
                : nameOrAlias);
        for (String candidate : files.keySet()) {
            if (candidate.startsWith(stem) && load(candidate).aliases().contains(nameOrAlias)) {
                return candidate;
            }
        }
        return null;
    }

    /** Decompresses and parses one module (cached). */
    public Module load(String name) throws IOException {
        String n = normalize(name);
        Module m = loaded.get(n);
        if (m != null) {
            return m;
        }
        Path file = files.get(n);
        if (file == null) {
            throw new ImageBuildException("no kernel module " + name + " in " + dir);
        }
        byte[] image = Compression.decompress(file);
        List<String> depends = new ArrayList<>(), soft = new ArrayList<>(), aliases = new ArrayList<>();
        try {
            for (String kv : ElfFile.parse(image).sectionStrings(".modinfo")) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = kv.substring(0, eq), value = kv.substring(eq + 1).strip();
                switch (key) {
                    case "depends" -> {
                        for (String d : value.split(",")) {
                            if (!d.isBlank()) {
                                depends.add(d.strip());
                            }
                        }
                    }
                    case "softdep" -> soft.addAll(softPre(value));
                    case "alias" -> aliases.add(value);
                    default -> { }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ImageBuildException("kernel module " + file + " is not a valid ELF file: " + e.getMessage());
        }
        m = new Module(n, file, image, List.copyOf(depends), List.copyOf(soft), List.copyOf(aliases));
        loaded.put(n, m);
        return m;
    }

    /** The names after {@code pre:} in a softdep value such as {@code pre: crc32c post: foo}. */
    static List<String> softPre(String value) {
        List<String> out = new ArrayList<>();
        boolean pre = false;
        for (String tok : value.trim().split("\\s+")) {
            if (tok.endsWith(":")) {
                pre = tok.equals("pre:");
            } else if (pre && !tok.isEmpty()) {
                out.add(tok);
            }
        }
        return out;
    }
}
