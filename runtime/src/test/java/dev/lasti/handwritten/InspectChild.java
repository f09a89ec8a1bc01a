package dev.lasti.handwritten;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * A child JVM for InspectTest: {@code loop} runs a loop with one task suspended forever on a promise,
 * {@code idle} runs no loop. Prints "ready" once the loop's MBean is visible, then waits to be killed.
 */
public final class InspectChild {
    private InspectChild() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("idle")) {
            System.out.println("ready");
            Thread.sleep(60_000);
            return;
        }
        Thread announcer = new Thread(() -> {
            try {
                ObjectName loops = new ObjectName("dev.lasti:type=EventLoop,*");
                while (ManagementFactory.getPlatformMBeanServer().queryNames(loops, null).isEmpty()) {
                    Thread.sleep(10);
                }
                System.out.println("ready");
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        announcer.setDaemon(true);
        announcer.start();
        EventLoop.run(() -> {
            Future<Integer> task = Chain.link(new Promise<>());
            EventLoop.current().callLater(java.time.Duration.ofSeconds(60), () -> { });
            return task;
        });
    }
}
