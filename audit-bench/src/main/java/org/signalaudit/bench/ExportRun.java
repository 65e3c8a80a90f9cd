package org.signalaudit.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole audit table exported through the API ({@code GET /api/audit/export}), read as it
 * streams, while the server's used heap is sampled every 200 ms: the export must keep it flat
 * however many rows it writes (issue 13).
 */
final class ExportRun {

    static final String USED_HEAP = "memory_usedHeap_bytes";
    static final String MAX_HEAP = "memory_maxHeap_bytes";
    static final double MB = 1024 * 1024;

    record Result(long rows, double seconds, double heapBeforeMb, double heapPeakMb, double heapMaxMb) {
    }

    private ExportRun() {
    }

    static Result run(Client client, String path) throws InterruptedException {
        Client sampler = client.fork();
        double before = sampler.baseMetric(USED_HEAP);
        double[] peak = {before};
        var running = new AtomicBoolean(true);
        Thread sampling = new Thread(() -> {
            while (running.get()) {
                peak[0] = Math.max(peak[0], sampler.baseMetric(USED_HEAP));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap sampler");
        sampling.start();
        long started = System.nanoTime();
        long lines = client.fork().lines(path);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampling.join();
        return new Result(lines - 1, seconds, before / MB, peak[0] / MB, sampler.baseMetric(MAX_HEAP) / MB);
    }

    static void report(Report report, String what, Result result) {
        report.add("export, " + what, "rows", result.rows(), "count");
        report.add("export, " + what, "duration", result.seconds(), "s");
        report.add("export, " + what, "used heap before", result.heapBeforeMb(), "MB");
        report.add("export, " + what, "used heap, highest sample during the export", result.heapPeakMb(), "MB");
        report.add("export, " + what, "heap limit", result.heapMaxMb(), "MB");
    }
}
