import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/**
 * benchmarks/sections/agent.sh: a small lasti program whose start-up is timed with and without the agent
 * (compiled by the section; transformed at build time for one variant, at load time for another).
 */
public final class AgentHello {
    @Async
    static Future<Integer> count(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            await(EventLoop.yieldNow());
            sum += i;
        }
        return Future.completed(sum);
    }

    public static void main(String[] args) {
        System.out.println("sum " + EventLoop.run(() -> count(10)));
    }
}
