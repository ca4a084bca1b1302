package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lpm.cli.image.ImageBuilder;
import dev.lpm.host.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lpm partition}: create, list, stop partitions on a host, and read their consoles. */
@Command(name = "partition", mixinStandardHelpOptions = true, description = "Partitions on a host.",
        subcommands = {PartitionCommand.Create.class, PartitionCommand.List_.class, PartitionCommand.Stop.class,
                PartitionCommand.Console.class})
final class PartitionCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a partition on a host from these settings (its profile) and boots it. Without "
                    + "--kernel or --firmware it boots the default guest image (lpm image build).")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--host", required = true, description = "host name or ADDR:PORT")
        String host;

        @Option(names = {"-m", "--memory"}, defaultValue = "512M", description = "guest RAM (default: ${DEFAULT-VALUE})")
        String memory;

        @Option(names = "--cpus", defaultValue = "1", description = "harts (default: ${DEFAULT-VALUE})")
        int cpus;

        @Option(names = "--firmware", description = "raw firmware; alone, a bare-metal partition")
        Path firmware;

        @Option(names = "--kernel")
        Path kernel;

        @Option(names = "--initrd")
        Path initrd;

        @Option(names = "--append", description = "kernel command line (default: console=ttyS0)")
        String append;

        @Option(names = "--disk", description = "raw disk image on storage every host reaches (repeatable)")
        List<Path> disks = new ArrayList<>();

        @Option(names = "--net", paramLabel = "tap:IFNAME[,mac=MAC]", description = "a virtual NIC (repeatable)")
        List<String> nets = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            long bytes = Sizes.parse(memory);
            if (bytes % (1 << 20) != 0) {
                throw new Main.UsageError("--memory must be whole MiB");
            }
            if (kernel == null && firmware == null) {
                ImageBuilder.GuestImage image = ImageBuilder.build(new ImageBuilder.Options(
                        ImageBuilder.defaultCacheBase(), false, false), System.err);
                kernel = image.kernel();
                initrd = initrd != null ? initrd : image.initrd();
                firmware = image.firmware();
            } else if (kernel != null && firmware == null) {
                firmware = ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(), false, false),
                        System.err).firmware();
            }
            List<Profile.Nic> nics = new ArrayList<>();
            int n = 0;
            for (String net : nets) {
                if (!net.startsWith("tap:")) {
                    throw new Main.UsageError("--net takes tap:IFNAME[,mac=MAC], not " + net);
                }
                String[] parts = net.substring(4).split(",mac=");
                nics.add(new Profile.Nic(parts[0], parts.length > 1 ? parts[1] : String.format("52:54:00:12:34:%02x", 0x56 + n)));
                n++;
            }
            Profile profile = new Profile(name, (int) (bytes >> 20), cpus, abs(firmware), abs(kernel), abs(initrd),
                    kernel == null ? null : append, disks.stream().map(PartitionCommand::abs).toList(), nics, null);
            try {
                profile.validate();
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            JsonNode created = Hosts.client(host).post("/partitions", profile);
            System.out.println("partition " + created.path("name").asText() + " " + created.path("state").asText()
                    + " on " + host);
            return 0;
        }
    }

    static String abs(Path p) {
        return p == null ? null : p.toAbsolutePath().toString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a host's partitions.")
    static final class List_ implements Callable<Integer> {
        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            JsonNode all = Hosts.client(host).get("/partitions");
            if (json) {
                System.out.println(all);
                return 0;
            }
            System.out.printf("%-20s %-12s %8s %5s%n", "NAME", "STATE", "MEMORY", "CPUS");
            for (JsonNode p : all) {
                System.out.printf("%-20s %-12s %7dM %5d%n", p.path("name").asText(), p.path("state").asText(),
                        p.path("memoryMiB").asInt(), p.path("harts").asInt());
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a partition and removes it from its host.")
    static final class Stop implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--host", required = true)
        String host;

        @Override
        public Integer call() throws Exception {
            Hosts.client(host).post("/partitions/" + name + "/stop", null);
            System.out.println("partition " + name + " stopped");
            return 0;
        }
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Prints what a partition's console printed on a host; --follow keeps printing.")
    static final class Console implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--follow")
        boolean follow;

        @Option(names = "--input", paramLabel = "TEXT", description = "type TEXT (and Enter) into the console first")
        String input;

        @Override
        public Integer call() throws Exception {
            var client = Hosts.client(host);
            if (input != null) {
                client.post("/partitions/" + name + "/console", (input + "\n").getBytes(StandardCharsets.UTF_8));
            }
            long offset = 0;
            do {
                byte[] b = client.bytes("/partitions/" + name + "/console?offset=" + offset);
                System.out.write(b);
                System.out.flush();
                offset += b.length;
                if (follow) {
                    Thread.sleep(200);
                }
            } while (follow);
            return 0;
        }
    }
}
