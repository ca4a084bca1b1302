package dev.lpm.cli;

import dev.lpm.cli.image.ImageBuildException;
import dev.lpm.cli.image.ImageBuilder;
import dev.lpm.cli.image.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lpm image}: guest images (kernel, initramfs, firmware) built from Debian trixie riscv64 packages. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Guest images: a Debian kernel, an initramfs and OpenSBI firmware for a partition.",
        subcommands = {ImageCommand.Build.class})
final class ImageCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code lpm image build}: fetches the packages, assembles the image (cached), prints the paths. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds the guest image and prints the paths of its kernel, initrd and firmware.",
                    "Fetches Debian trixie riscv64 packages (linux-image-riscv64, opensbi, busybox-static, "
                            + "redis-server, redis-tools and their libraries) with scripts/guest-packages.sh; "
                            + "the first run downloads about 130 MB. Compiles the memstress workload with "
                            + "riscv64-linux-gnu-gcc. The image is cached under CACHE/images/KEY/ and rebuilt "
                            + "only when the packages, the init script or memstress's source change.",
                    "Boot it with: qemu-system-riscv64 -machine virt -bios FIRMWARE -kernel KERNEL -initrd INITRD "
                            + "-append \"console=ttyS0 lpm.ip=198.18.0.10/24 lpm.workload=redis\" ...",
                    "Kernel command line: lpm.ip=ADDR/PREFIX, lpm.gw=ADDR, lpm.disk=mount|none, "
                            + "lpm.workload=redis|memstress|shell; for memstress lpm.mem=MIB (32), "
                            + "lpm.rate=MIB_PER_S|max (20), lpm.mode=page|full (page)."})
    static final class Build implements Callable<Integer> {
        @Option(names = "--force", description = "rebuild even if the cached image is current")
        boolean force;

        @Option(names = "--json", description = "print the paths as a JSON object")
        boolean json;

        @Option(names = "--cache", paramLabel = "DIR",
                description = "cache directory (default: $LPM_CACHE, else $XDG_CACHE_HOME/lpm, else ~/.cache/lpm)")
        Path cache;

        @Option(names = {"-v", "--verbose"}, description = "show apt-get's output")
        boolean verbose;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            ImageBuilder.GuestImage image;
            try {
                image = ImageBuilder.build(new ImageBuilder.Options(
                        cache != null ? cache.toAbsolutePath() : ImageBuilder.defaultCacheBase(), force, verbose),
                        System.err);
            } catch (ImageBuildException e) {
                throw new ImageBuildException("image build: " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long initrdBytes = size(image.initrd());
            System.err.printf("lpm: image %s (kernel %s, initrd %.1f MiB) %s%n", image.key(), image.kernelVersion(),
                    initrdBytes / 1048576.0, image.cached() ? "is cached" : String.format("built in %.1f s", seconds));
            if (json) {
                System.out.println("{\"key\": " + Json.str(image.key())
                        + ", \"kernel\": " + Json.str(image.kernel().toString())
                        + ", \"initrd\": " + Json.str(image.initrd().toString())
                        + ", \"firmware\": " + Json.str(image.firmware().toString())
                        + ", \"kernelVersion\": " + Json.str(image.kernelVersion())
                        + ", \"cached\": " + image.cached() + "}");
            } else {
                System.out.println("kernel   " + image.kernel());
                System.out.println("initrd   " + image.initrd());
                System.out.println("firmware " + image.firmware());
            }
            System.out.flush();
            return 0;
        }

        private static long size(Path p) {
            try {
                return Files.size(p);
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
