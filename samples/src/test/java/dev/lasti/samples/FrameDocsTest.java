package dev.lasti.samples;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.internal.Frame;
import dev.lasti.internal.FrameInfo;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S8: a suspended task is a frame object whose fields hold the resume index, saved locals and saved stack. */
class FrameDocsTest {
    @Async
    static Future<String> suspendAndDescribe() {
        Promise<String> status = new Promise<>();
        Future<String> task = FrameDocs.order("7", status);
        String description = FrameDocs.describe(task);
        status.complete("packed");
        return Future.completed(description + " | " + await(task));
    }

    @Test
    void suspendedTask_isAFrameHoldingTheResumeIndexLocalAndStackValue() {
        String report = EventLoop.run(FrameDocsTest::suspendAndDescribe);
        assertTrue(report.contains("resumePoint = 1"), report);
        assertTrue(report.contains("attempts = 1"), "the live local is saved: " + report);
        assertTrue(report.contains("String stack0 = \"7\""), "the operand under the await is saved: " + report);
        assertTrue(report.endsWith(" | order 7: packed (1 attempt)"), report);
    }

    @Test
    void frameClass_carriesFrameInfoWithTheAwaitLine() {
        EventLoop.run(() -> {
            Promise<String> status = new Promise<>();
            Future<String> task = FrameDocs.order("1", status);
            assertTrue(task instanceof Frame, "a suspended @Async call returns its frame: " + task.getClass());
            FrameInfo info = task.getClass().getAnnotation(FrameInfo.class);
            assertEquals("FrameDocs.java", info.source());
            assertEquals("dev.lasti.samples.FrameDocs", info.owner());
            assertTrue(info.method().startsWith("order(Ljava/lang/String;Ldev/lasti/Future;)"), info.method());
            assertEquals(1, info.lines().length);
            status.complete("done");
            return task;
        });
    }

    @Test
    void javap_showsTheTableswitchOnTheResumeIndex() {
        Assumptions.assumeTrue(ToolProvider.findFirst("javap").isPresent(), "javap needs a JDK");
        String listing = FrameDocs.resumeSwitch();
        assertTrue(listing.contains("$Frame.resumePoint:I"), listing); // the frame class's own field
        assertTrue(listing.contains("tableswitch"), listing);
    }

    @Test
    void run_printsTheFrameAndTheResult() {
        String report = FrameDocs.run();
        assertTrue(report.contains("resumed and returned \"order 42: shipped (1 attempt)\""), report);
    }
}
