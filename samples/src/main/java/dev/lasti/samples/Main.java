package dev.lasti.samples;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the samples by name: {@code java -jar samples/target/lasti-samples.jar [name]}, or all of them with
 * {@code tour} (the default). Exits with 1 if a sample failed, 2 for an unknown name. The servers also
 * serve until interrupted: {@code slow-server --port 8888} (the seed's {@code application.listen(8888)}) and
 * {@code web-app --port 8888}.
 */
public final class Main {
    private Main() {}

    /** Runs {@code tour} or the sample named by the first argument. */
    public static void main(String[] args) {
        String name = args.length == 0 ? "tour" : args[0];
        if (args.length == 3 && args[1].equals("--port") && (name.equals("slow-server") || name.equals("web-app"))) {
            int port = Integer.parseInt(args[2]);
            if (name.equals("slow-server")) {
                SlowServer.serve(port);
            } else {
                WebApp.serve(port);
            }
            return;
        }
        List<Sample> chosen = select(name);
        if (chosen.isEmpty()) {
            System.err.println("unknown sample: " + name + "; try one of: tour " + Sample.names());
            System.exit(2);
        }
        int failed = Tour.run(chosen, System.out);
        // Exit explicitly: HttpClient and worker threads of a failed sample must not keep the JVM up.
        System.exit(failed == 0 ? 0 : 1);
    }

    /** All samples for {@code tour}, else the one with that name, else none. */
    static List<Sample> select(String name) {
        if (name.equals("tour")) {
            return Sample.ALL;
        }
        return Sample.ALL.stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
    }
}
