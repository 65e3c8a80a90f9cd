package org.signalaudit.audit.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.signalaudit.audit.AuditSpool;
import org.signalaudit.audit.control.AuditSwitch;
import org.signalaudit.audit.control.ProvenanceResolver;
import org.signalaudit.audit.entity.AuditRow;
import org.signalaudit.audit.entity.LoginAuditRow;
import org.signalaudit.audit.entity.RequestAuditRow;
import org.signalaudit.signal.LoginSignal;
import org.signalaudit.signal.RequestCompleted;

/**
 * The outage spool of this instance: {@code <audit.spool.dir>/audit-spool.bin} ({@link SpoolFile}),
 * filled by the web tier when a request or login row cannot be written because the database is
 * unavailable, emptied by {@link SpoolReplay}. Metrics: {@code audit_spool_records} (rows waiting),
 * {@code audit_spool_appended_total}, {@code audit_spool_replayed_total} and
 * {@code audit_spool_dropped_total} (rows lost: the spool was full or could not be written, or a
 * row the database refused when it was back).
 *
 * <p>It logs once when it starts keeping rows (WARNING), once when they are all written (INFO),
 * and once when it is full (SEVERE): not once per row, which during an outage is once per request.
 * A spool that cannot be opened (an unwritable directory, another instance holding the file) does
 * not stop the deployment: the application serves as before and every row it would keep is counted
 * dropped, after one SEVERE line at start-up. A bound below {@value #MIN_BYTES} bytes stops it
 * (configuration.control.ConfigurationCheck).
 */
@ApplicationScoped
public class OutageSpool implements AuditSpool {

    public static final String MAX_BYTES = "audit.spool.max-bytes";
    /** Enough for a hundred rows or so: a smaller bound is a mistake, not a choice. */
    public static final long MIN_BYTES = 64 * 1024;
    static final String FILE = "audit-spool.bin";
    private static final Logger LOG = Logger.getLogger(OutageSpool.class.getName());

    @Inject
    @ConfigProperty(name = "audit.spool.dir", defaultValue = "./signal-audit-data/spool")
    String directory;

    @Inject
    @ConfigProperty(name = MAX_BYTES, defaultValue = "67108864")
    long maxBytes;

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    MetricRegistry metrics;

    private SpoolFile file;
    private Path location;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean keeping = new AtomicBoolean();
    private final AtomicBoolean fullReported = new AtomicBoolean();
    private Counter appended;
    private Counter replayed;
    private Counter dropped;

    @PostConstruct
    void open() {
        appended = metrics.counter(Metadata.builder().withName("audit_spool_appended")
                .withDescription("Request and login rows kept in the outage spool because the database was "
                        + "unavailable").build());
        replayed = metrics.counter(Metadata.builder().withName("audit_spool_replayed")
                .withDescription("Spooled rows written to the database once it was back").build());
        dropped = metrics.counter(Metadata.builder().withName("audit_spool_dropped")
                .withDescription("Rows the outage spool could not keep (full or unwritable) or the database "
                        + "refused on replay: lost").build());
        metrics.gauge(Metadata.builder().withName("audit_spool_records")
                .withDescription("Rows in the outage spool waiting for the database").build(), this,
                spool -> spool.pending.get());
        Path path = Path.of(directory).resolve(FILE).toAbsolutePath().normalize();
        location = path;
        try {
            file = SpoolFile.open(path, maxBytes);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The outage spool " + path + " cannot be opened: rows that cannot be written "
                    + "while the database is unavailable will be lost (audit_spool_dropped_total)", e);
            return;
        }
        SpoolFile.Recovery recovery = file.recovery();
        pending.set(recovery.records());
        keeping.set(recovery.records() > 0);
        if (recovery.cutBytes() > 0) {
            LOG.warning(() -> "The outage spool " + path + " ended in a torn or damaged record (a crash while it "
                    + "was being written, never reported kept): " + recovery.cutBytes() + " bytes cut, copied to "
                    + recovery.cutCopy());
        }
        LOG.info(() -> "Outage spool " + path + ", at most " + maxBytes + " bytes; " + recovery.records()
                + " rows waiting");
    }

    @PreDestroy
    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not close the outage spool", e);
            }
        }
    }

    @Override
    public boolean keep(RequestCompleted request) {
        return !auditSwitch.on() || keep(new RequestAuditRow(request));
    }

    @Override
    public boolean keep(LoginSignal signal, Instant occurredAt) {
        return !auditSwitch.on() || keep(LoginAuditRow.of(signal, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                provenance.request().orElse(null)));
    }

    private boolean keep(AuditRow row) {
        if (file == null) {
            dropped.inc();
            return false;
        }
        try {
            if (!file.append(SpooledRow.of(row).encode())) {
                dropped.inc();
                if (fullReported.compareAndSet(false, true)) {
                    LOG.severe(() -> "The outage spool " + file.path() + " is full (" + maxBytes + " bytes, "
                            + "audit.spool.max-bytes): request and login rows are lost until the database is back "
                            + "and the spool written; counted in audit_spool_dropped_total");
                }
                return false;
            }
        } catch (IOException | RuntimeException e) {
            dropped.inc();
            LOG.log(Level.SEVERE, "Could not keep a " + row.table().tableName() + " row in the outage spool "
                    + file.path(), e);
            return false;
        }
        pending.incrementAndGet();
        appended.inc();
        if (keeping.compareAndSet(false, true)) {
            LOG.warning(() -> "The database is unavailable: request and login rows are kept in " + file.path()
                    + " and written when it is back");
        }
        return true;
    }

    long pending() {
        return pending.get();
    }

    /** Whether rows can be kept: false if the file could not be opened at start-up. */
    boolean isOpen() {
        return file != null;
    }

    /** Where the spool is, or was meant to be. */
    String location() {
        return location.toString();
    }

    /** The whole records from {@code from} on, at most {@code max}; none if the spool could not be opened. */
    List<SpoolFile.Entry> read(long from, int max) throws IOException {
        return file == null ? List.of() : file.read(from, max);
    }

    /** A spooled row is in the database: written now ({@code wrote}), or found there already. */
    void replayed(boolean wrote) {
        written();
        if (wrote) {
            replayed.inc();
        }
    }

    /** A spooled row that will never be written: undecodable, or refused by the database. */
    void abandoned() {
        written();
        dropped.inc();
    }

    /**
     * One row fewer waiting. Never below zero: a record whose force failed was counted dropped,
     * yet its bytes may have reached the file and be written after all.
     */
    private void written() {
        pending.updateAndGet(waiting -> Math.max(0, waiting - 1));
    }

    /** Empties the spool if every record up to {@code end} is replayed and none came since. */
    boolean emptyIfReplayedTo(long end) throws IOException {
        if (file == null || !file.truncateIfEndsAt(end)) {
            return false;
        }
        fullReported.set(false);
        if (keeping.compareAndSet(true, false)) {
            LOG.info(() -> "The outage spool " + file.path() + " is written to the database and emptied");
        }
        return true;
    }
}
