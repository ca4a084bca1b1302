package dev.lpm.cli;

import dev.lpm.host.HostConfig;
import dev.lpm.host.HostDaemon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code lpm host}: the host daemon. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "The host daemon that runs partitions and moves them.",
        subcommands = {HostCommand.Serve.class})
final class HostCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Runs this host: its partitions, its control API and its mover service on ADDR:PORT, until "
                    + "stopped (SIGTERM or Ctrl-C stops its partitions too).",
                    "The host enters itself in the hosts file ($LPM_HOSTS, else ~/.lpm/hosts) so other commands can "
                            + "name it."})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "this host's name")
        String name;

        @Option(names = "--listen", required = true, paramLabel = "ADDR:PORT", description = "API and mover address")
        String listen;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "data directory: partition profiles, console logs, the migration ledger")
        Path data;

        @Option(names = "--memory-limit", paramLabel = "SIZE",
                description = "guest memory this host gives its partitions in all (default: 90% of available memory)")
        String memoryLimit;

        @Override
        public Integer call() throws Exception {
            long limit = memoryLimit == null ? HostConfig.defaultMemoryLimit() : Sizes.parse(memoryLimit);
            HostConfig config;
            try {
                config = new HostConfig(name, dev.lpm.host.HostClient.parseAddress(listen, 0), data.toAbsolutePath(), limit);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            HostDaemon daemon;
            try {
                daemon = HostDaemon.start(config);
            } catch (java.net.BindException e) {
                throw new Main.UsageError("cannot listen on " + listen + ": " + e.getMessage());
            }
            String address = daemon.address().getAddress().getHostAddress() + ":" + daemon.address().getPort();
            Hosts.register(name, address);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                daemon.close();
                stopped.countDown();
            }));
            System.out.println("lpm host " + name + " serving on " + address + " (data " + config.data() + ", "
                    + (limit >> 20) + " MiB for partitions)");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }
}
