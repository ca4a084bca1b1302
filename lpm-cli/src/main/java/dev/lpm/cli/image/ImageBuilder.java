package dev.lpm.cli.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a guest image from Debian trixie riscv64 packages: the kernel's raw Image, OpenSBI's
 * {@code fw_jump.bin}, and an initramfs (gzip'd newc cpio) with static busybox, the virtio and filesystem
 * modules, redis-server and redis-cli with their libraries and loader, lpm's own {@link Memstress} (compiled
 * here with the RISC-V cross compiler), and {@code /init} ({@link InitScript}).
 *
 * <p>Images live in {@code CACHE/images/KEY/} ({@code Image}, {@code initrd.img}, {@code fw_jump.bin},
 * {@code image.json}); KEY hashes the package files (names and versions), the init template, the module and
 * program lists, memstress's source and compiler flags, and {@link #FORMAT}, so an image is rebuilt only when
 * one of those changes (or with force).
 */
public final class ImageBuilder {
    /** Bump when the image's layout or contents change in a way the other inputs do not show. */
    public static final int FORMAT = 1;

    /** Virtio drivers: each must be a module or built in. */
    public static final List<String> REQUIRED_MODULES =
            List.of("virtio_mmio", "virtio_blk", "failover", "net_failover", "virtio_net", "virtio_console", "virtio_rng");
    /** Filesystems for the disk (ext4 also mounts ext2/ext3; vfat needs its code page and charset). */
    public static final List<String> OPTIONAL_MODULES = List.of("ext4", "vfat", "nls_cp437", "nls_ascii");
    /** Dynamically linked programs copied with their libraries, as /usr/bin/NAME. */
    public static final List<String> PROGRAMS = List.of("/usr/bin/redis-server", "/usr/bin/redis-cli");
    static final String BUSYBOX = "/usr/bin/busybox";
    static final String FIRMWARE = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin";
    static final String LIB_DIR = "usr/lib/riscv64-linux-gnu";
    static final List<String> LIB_SEARCH = List.of("/usr/lib/riscv64-linux-gnu", "/lib/riscv64-linux-gnu", "/usr/lib", "/lib");

    /** Where the images go and how. */
    public record Options(Path cacheBase, boolean force, boolean verbose) {
    }

    /** A built (or cached) image. */
    public record GuestImage(String key, Path dir, Path kernel, Path initrd, Path firmware, String kernelVersion,
                             boolean cached) {
    }

    /** What went into an initramfs (for image.json and the report). */
    public record Contents(List<String> modules, List<String> builtin, List<String> missingOptional,
                           List<String> libraries, String interpreter, int applets, String memstressCompiler,
                           long cpioBytes, int entries) {
    }

    private ImageBuilder() {
    }

    /** {@code $LPM_CACHE}, else {@code $XDG_CACHE_HOME/lpm}, else {@code ~/.cache/lpm}. */
    public static Path defaultCacheBase() {
        String lpm = System.getenv("LPM_CACHE");
        if (lpm != null && !lpm.isBlank()) {
            return Path.of(lpm);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "lpm");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "lpm");
    }

    /** Fetches the packages (cached) and returns the image for them, building it if needed. */
    public static GuestImage build(Options options, PrintStream progress) {
        GuestPackages.Fetched fetched = GuestPackages.fetch(GuestPackages.locateScript(), options.cacheBase(),
                options.verbose(), progress);
        return build(fetched, options, progress);
    }

    static GuestImage build(GuestPackages.Fetched fetched, Options options, PrintStream progress) {
        String key = key(fetched.debs());
        String kernelVersion = fetched.kernel().name().substring("linux-image-".length());
        Path images = options.cacheBase().resolve("images");
        Path dir = images.resolve(key);
        if (!options.force() && Files.isRegularFile(dir.resolve("image.json"))) {
            return image(key, dir, kernelVersion, true);
        }
        Path tmp = null;
        try {
            Files.createDirectories(images);
            tmp = Files.createTempDirectory(images, ".build-" + key + "-");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            assemble(new GuestRoot(fetched.root()), fetched.debs(), kernelVersion, tmp, key);
            install(tmp, dir);
            tmp = null;
            return image(key, dir, kernelVersion, false);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException denied
                    ? "permission denied on " + denied.getFile() + GuestPackages.notRootHint()
                    : e.toString();
            throw new ImageBuildException("cannot build the image in " + images + ": " + why, e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static GuestImage image(String key, Path dir, String kernelVersion, boolean cached) {
        return new GuestImage(key, dir, dir.resolve("Image"), dir.resolve("initrd.img"), dir.resolve("fw_jump.bin"),
                kernelVersion, cached);
    }

    /** The cache key: package files, init template, module and program lists, memstress, format. */
    static String key(List<GuestPackages.Deb> debs) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(keyText(debs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #key} hashes. */
    static String keyText(List<GuestPackages.Deb> debs) {
        StringBuilder s = new StringBuilder("lpm-image format ").append(FORMAT).append('\n');
        debs.stream().map(d -> d.file().getFileName().toString()).sorted().forEach(n -> s.append(n).append('\n'));
        s.append(REQUIRED_MODULES).append(OPTIONAL_MODULES).append(PROGRAMS).append('\n');
        s.append(InitScript.template());
        s.append(Memstress.COMPILER).append(' ').append(Memstress.FLAGS).append('\n').append(Memstress.source());
        return s.toString();
    }

    /** Writes Image, fw_jump.bin, initrd.img and image.json into {@code out}. */
    static Contents assemble(GuestRoot root, List<GuestPackages.Deb> debs, String kernelVersion, Path out, String key)
            throws IOException {
        Memstress.Compiled memstress = Memstress.compile(Memstress.COMPILER); // first: a missing compiler fails fast
        byte[] kernel = kernelImage(root, kernelVersion);
        Files.write(out.resolve("Image"), kernel);
        Path firmware = root.resolve(FIRMWARE).orElseThrow(() ->
                new ImageBuildException("OpenSBI's " + FIRMWARE + " is not in the fetched opensbi package"))
                .host();
        Files.copy(firmware, out.resolve("fw_jump.bin"), StandardCopyOption.REPLACE_EXISTING);
        Contents contents;
        try (OutputStream gz = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve("initrd.img")), 1 << 16), 1 << 16) {
            { def.setLevel(9); }
        }; CpioWriter cpio = new CpioWriter(gz)) {
            contents = initramfs(root, kernelVersion, memstress, cpio);
        }
        Files.writeString(out.resolve("image.json"), json(key, kernelVersion, debs, contents,
                Files.size(out.resolve("Image")), Files.size(out.resolve("initrd.img"))));
        return contents;
    }

    /**
     * The kernel as OpenSBI's fw_jump and QEMU's -kernel load it: the raw RISC-V Image (with its "RISCV" header
     * magic at 0x30), which Debian ships as /boot/vmlinux-VERSION (an EFI-stub Image, not an ELF file);
     * a gzip'd vmlinuz is unpacked.
     */
    static byte[] kernelImage(GuestRoot root, String kernelVersion) throws IOException {
        for (String name : new String[] {"/boot/vmlinux-" + kernelVersion, "/boot/vmlinuz-" + kernelVersion}) {
            Optional<GuestRoot.Resolved> f = root.resolve(name);
            if (f.isEmpty()) {
                continue;
            }
            byte[] data = Files.readAllBytes(f.get().host());
            if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
                    data = in.readAllBytes();
                }
            }
            if (!isRiscvImage(data)) {
                throw new ImageBuildException(name + " is not a raw RISC-V kernel Image (no RISCV magic at 0x30)");
            }
            return data;
        }
        throw new ImageBuildException("the kernel package has neither /boot/vmlinux-" + kernelVersion
                + " nor /boot/vmlinuz-" + kernelVersion);
    }

    static boolean isRiscvImage(byte[] d) {
        return d.length > 0x40 && new String(d, 0x30, 5, StandardCharsets.US_ASCII).equals("RISCV")
                && d[0x38] == 'R' && d[0x39] == 'S' && d[0x3a] == 'C' && d[0x3b] == 0x05;
    }

    /** The initramfs entries. */
    static Contents initramfs(GuestRoot root, String kernelVersion, Memstress.Compiled memstress, CpioWriter cpio)
            throws IOException {
        // Layout: merged /usr as on Debian, the mount points init uses, a console before devtmpfs is mounted.
        cpio.symlink("bin", "usr/bin");
        cpio.symlink("sbin", "usr/sbin");
        cpio.symlink("lib", "usr/lib");
        cpio.directory("usr/bin", 0755);
        cpio.symlink("usr/sbin", "bin");
        for (String d : new String[] {"dev", "proc", "sys", "run", "mnt", "etc", "var"}) {
            cpio.directory(d, 0755);
        }
        cpio.directory("tmp", 01777);
        cpio.directory("root", 0700);
        cpio.symlink("var/run", "../run");
        cpio.symlink("var/tmp", "../tmp");
        cpio.charDevice("dev/console", 0600, 5, 1);
        cpio.charDevice("dev/null", 0666, 1, 3);
        cpio.file("etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        cpio.file("etc/group", 0644, "root:x:0:\n".getBytes(StandardCharsets.UTF_8));
        cpio.file("etc/hostname", 0644, "lpm\n".getBytes(StandardCharsets.UTF_8));

        // busybox and its applets
        GuestRoot.Resolved busybox = root.resolve(BUSYBOX).orElseThrow(() ->
                new ImageBuildException("busybox-static's " + BUSYBOX + " is not in the fetched packages"));
        byte[] bb = Files.readAllBytes(busybox.host());
        ElfFile bbElf = ElfFile.parse(bb);
        if (bbElf.interpreter().isPresent() || bbElf.machine() != ElfFile.EM_RISCV) {
            throw new ImageBuildException(BUSYBOX + " is not a static RISC-V program (is busybox-static unpacked?)");
        }
        cpio.file("usr/bin/busybox", 0755, bb);
        List<String> applets = BusyboxApplets.names(bb);
        for (String a : applets) {
            if (!a.equals("busybox") && !a.contains("/")) {
                cpio.symlink("usr/bin/" + a, "busybox");
            }
        }

        // kernel modules
        KernelModules km = KernelModules.open(root.resolve("/usr/lib/modules/" + kernelVersion).orElseThrow(() ->
                new ImageBuildException("the kernel package has no /usr/lib/modules/" + kernelVersion)).host());
        KernelModules.Resolution mods = km.resolve(REQUIRED_MODULES, OPTIONAL_MODULES);
        String modDir = "usr/lib/modules/" + kernelVersion + "/";
        StringBuilder dep = new StringBuilder();
        for (KernelModules.Module m : mods.load()) {
            cpio.file(modDir + m.name() + ".ko", 0644, m.image());
            dep.append(m.name()).append(".ko:");
            for (String d : hardClosureLoadLast(km, m.name())) {
                dep.append(' ').append(d).append(".ko");
            }
            dep.append('\n');
        }
        cpio.file(modDir + "modules.dep", 0644, dep.toString().getBytes(StandardCharsets.UTF_8));

        // programs, their libraries and the dynamic loader
        Map<String, byte[]> libs = new LinkedHashMap<>(); // needed name -> bytes
        Map<String, String> libReal = new LinkedHashMap<>(); // needed name -> canonical guest path of the file
        Set<String> interpreters = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String prog : PROGRAMS) {
            GuestRoot.Resolved r = root.resolve(prog).orElseThrow(() ->
                    new ImageBuildException(prog + " is not in the fetched packages"));
            byte[] data = Files.readAllBytes(r.host());
            ElfFile elf = ElfFile.parse(data);
            if (elf.machine() != ElfFile.EM_RISCV) {
                throw new ImageBuildException(prog + " is not a RISC-V program");
            }
            cpio.file("usr/bin/" + prog.substring(prog.lastIndexOf('/') + 1), 0755, data);
            elf.interpreter().ifPresent(interpreters::add);
            todo.addAll(elf.needed());
        }
        while (!todo.isEmpty()) {
            String lib = todo.poll();
            if (libs.containsKey(lib)) {
                continue;
            }
            GuestRoot.Resolved r = findLibrary(root, lib).orElseThrow(() -> new ImageBuildException(
                    "the programs need " + lib + ", which none of the fetched packages has"));
            byte[] data = Files.readAllBytes(r.host());
            libs.put(lib, data);
            libReal.put(lib, r.guestPath());
            todo.addAll(ElfFile.parse(data).needed());
        }
        for (Map.Entry<String, byte[]> e : libs.entrySet()) {
            cpio.file(LIB_DIR + "/" + e.getKey(), 0755, e.getValue());
        }
        String interpreter = null;
        for (String interp : interpreters) {
            interpreter = interp;
            GuestRoot.Resolved r = root.resolve(interp).orElseThrow(() ->
                    new ImageBuildException("the dynamic loader " + interp + " is not in the fetched packages"));
            String at = canonical(interp);
            if (cpio.contains(at)) {
                continue;
            }
            String name = r.fileName();
            if (libs.containsKey(name) && libReal.get(name).equals(r.guestPath())) {
                cpio.symlink(at, relative(at, LIB_DIR + "/" + name));
            } else {
                cpio.file(at, 0755, Files.readAllBytes(r.host()));
            }
        }

        cpio.file("usr/bin/memstress", 0755, memstress.program());

        cpio.file("init", 0755, InitScript.generate(kernelVersion, mods.loadOrder(), mods.builtin())
                .getBytes(StandardCharsets.UTF_8));
        cpio.finish();
        return new Contents(mods.loadOrder(), mods.builtin(), mods.missing(), List.copyOf(libs.keySet()), interpreter,
                applets.size(), memstress.compiler(), cpio.size(), cpio.entries());
    }

    /** A module's hard dependencies, transitively, in modules.dep order (the one loaded last first). */
    private static List<String> hardClosureLoadLast(KernelModules km, String name) throws IOException {
        List<String> loadOrder = new ArrayList<>();
        collect(km, name, loadOrder, new LinkedHashSet<>());
        loadOrder.remove(name);
        List<String> out = new ArrayList<>(loadOrder);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void collect(KernelModules km, String name, List<String> order, Set<String> seen) throws IOException {
        if (!seen.add(name)) {
            return;
        }
        for (String d : km.load(name).depends()) {
            String n = KernelModules.normalize(d);
            if (km.isModule(n) && !km.isBuiltin(n)) {
                collect(km, n, order, seen);
            }
        }
        order.add(name);
    }

    private static Optional<GuestRoot.Resolved> findLibrary(GuestRoot root, String name) {
        if (name.contains("/")) {
            return root.resolve(name);
        }
        for (String dir : LIB_SEARCH) {
            Optional<GuestRoot.Resolved> r = root.resolve(dir + "/" + name);
            if (r.isPresent() && Files.isRegularFile(r.get().host())) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** A guest path as it lies in the image: merged /usr ({@code /lib/x} is {@code usr/lib/x}), no leading slash. */
    static String canonical(String guestPath) {
        String p = guestPath.startsWith("/") ? guestPath.substring(1) : guestPath;
        for (String top : new String[] {"lib/", "bin/", "sbin/"}) {
            if (p.startsWith(top)) {
                return "usr/" + p;
            }
        }
        return p;
    }

    /** The relative symlink target from {@code from}'s directory to {@code to} (both image paths). */
    static String relative(String from, String to) {
        Path f = Path.of("/" + from).getParent();
        return f.relativize(Path.of("/" + to)).toString();
    }

    /** Moves a finished build into place; with an image already there (force), replaces it. */
    private static void install(Path tmp, Path dir) throws IOException {
        if (Files.exists(dir)) {
            Path old = dir.resolveSibling(".old-" + dir.getFileName() + "-" + ProcessHandle.current().pid());
            Files.move(dir, old);
            deleteTree(old);
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(tmp); // another build of the same key won the race; its image is the same
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        }
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String key, String kernelVersion, List<GuestPackages.Deb> debs, Contents c,
                               long kernelBytes, long initrdBytes) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"key\": ").append(Json.str(key)).append(",\n");
        s.append("  \"format\": ").append(FORMAT).append(",\n");
        s.append("  \"kernelVersion\": ").append(Json.str(kernelVersion)).append(",\n");
        s.append("  \"kernel\": \"Image\",\n  \"initrd\": \"initrd.img\",\n  \"firmware\": \"fw_jump.bin\",\n");
        s.append("  \"kernelBytes\": ").append(kernelBytes).append(",\n");
        s.append("  \"initrdBytes\": ").append(initrdBytes).append(",\n");
        s.append("  \"initramfsBytes\": ").append(c.cpioBytes()).append(",\n");
        s.append("  \"modules\": ").append(Json.list(c.modules())).append(",\n");
        s.append("  \"builtin\": ").append(Json.list(c.builtin())).append(",\n");
        s.append("  \"missingOptional\": ").append(Json.list(c.missingOptional())).append(",\n");
        s.append("  \"interpreter\": ").append(Json.str(c.interpreter())).append(",\n");
        s.append("  \"libraries\": ").append(Json.list(c.libraries())).append(",\n");
        s.append("  \"busyboxApplets\": ").append(c.applets()).append(",\n");
        s.append("  \"memstress\": ").append(Json.str(c.memstressCompiler())).append(",\n");
        s.append("  \"packages\": ").append(Json.list(debs.stream().map(GuestPackages.Deb::toString).toList())).append('\n');
        return s.append("}\n").toString();
    }
}
