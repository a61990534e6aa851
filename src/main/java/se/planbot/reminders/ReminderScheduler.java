package se.planbot.reminders;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with the RAM job store, used only as an alarm clock: the sweep at start-up and every
 * {@code reminders.sweep-minutes}, at each {@code reminders.digest-cron} time in {@code timezone},
 * and every half minute a look for runs another instance left unfinished. Each just tells
 * {@code onTime} which alarm rang and when it was due; every decision and all state is in the
 * database ({@link ScheduledRuns} makes each due moment run once across instances), so nothing is
 * lost when Quartz's memory is.
 */
public final class ReminderScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final TriggerKey DIGEST = TriggerKey.triggerKey("digest", "planbot");
    private static final int TAKEOVER_SECONDS = 15;

    private final ReminderSettings settings;
    private final OnTime onTime;
    private final Map<String, Timed> others = new LinkedHashMap<>();
    private Scheduler scheduler;

    /** A further job on the same alarm clock (e.g. the yearly Kolada fetch), at a cron time in {@code zone}. */
    private record Timed(String cron, ZoneId zone, Runnable job) {
    }

    /** What rang: {@code "start"} (the sweep at start-up), {@code "sweep"}, {@code "digest"} or {@code "takeover"}. */
    @FunctionalInterface
    public interface OnTime {
        void rang(String alarm, Instant due);
    }

    /** {@code onTime} runs the sweep and wakes the dispatcher; never two at once. */
    public ReminderScheduler(ReminderSettings settings, OnTime onTime) {
        this.settings = settings;
        this.onTime = onTime;
    }

    /**
     * Also runs {@code job} at {@code cron} (Quartz, in {@code zone}); call before {@link #start()}.
     * Jobs run one at a time on their own thread, beside the sweep.
     */
    public ReminderScheduler alsoAt(String name, String cron, ZoneId zone, Runnable job) {
        others.put(name, new Timed(cron, zone, job));
        return this;
    }

    /** The next time the job {@code name} given to {@link #alsoAt} fires, once started. */
    public Optional<Date> next(String name) {
        try {
            return scheduler == null ? Optional.empty()
                    : Optional.ofNullable(scheduler.getTrigger(TriggerKey.triggerKey(name, "planbot")))
                            .map(Trigger::getNextFireTime);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** The digest trigger exactly as scheduled; tests ask it for fire times across DST changes. */
    public static CronTrigger digestTrigger(String cron, ZoneId zone) {
        return newTrigger().withIdentity(DIGEST)
                .withSchedule(cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    public ReminderScheduler start() {
        var properties = new Properties();
        properties.put("org.quartz.scheduler.instanceName", "planbot-reminders");
        properties.put("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.put("org.quartz.threadPool.threadCount", others.isEmpty() ? "1" : "2");
        properties.put("org.quartz.threadPool.threadNamePrefix", "planbot-reminders");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, owner) -> {
                var other = others.get(bundle.getJobDetail().getKey().getName());
                return other == null ? new OnTimeJob(onTime) : new OtherJob(other.job());
            });
            var sweep = newJob(OnTimeJob.class).withIdentity("sweep", "planbot").build();
            Trigger every = newTrigger().withIdentity("sweep", "planbot").startNow()
                    .withSchedule(simpleSchedule().withIntervalInMinutes(settings.sweepMinutes()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(sweep, every);
            var digest = newJob(OnTimeJob.class).withIdentity("digest", "planbot").build();
            scheduler.scheduleJob(digest, digestTrigger(settings.digestCron(), settings.zone()));
            for (var other : others.entrySet()) {
                var job = newJob(OtherJob.class).withIdentity(other.getKey(), "planbot").build();
                scheduler.scheduleJob(job, newTrigger().withIdentity(other.getKey(), "planbot")
                        .withSchedule(cronSchedule(other.getValue().cron())
                                .inTimeZone(TimeZone.getTimeZone(other.getValue().zone()))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build());
                log.info("Job {} scheduled at '{}' in {}", other.getKey(), other.getValue().cron(), other.getValue().zone());
            }
            var takeover = newJob(OnTimeJob.class).withIdentity("takeover", "planbot").build();
            scheduler.scheduleJob(takeover, newTrigger().withIdentity("takeover", "planbot")
                    .startAt(new Date(System.currentTimeMillis() + TAKEOVER_SECONDS * 1000L))
                    .withSchedule(simpleSchedule().withIntervalInSeconds(TAKEOVER_SECONDS).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            scheduler.start();
            log.info("Reminders scheduled: sweep every {} min, digest '{}' in {}", settings.sweepMinutes(),
                    settings.digestCron(), settings.zone());
        } catch (SchedulerException e) {
            throw new IllegalStateException("the reminder scheduler cannot start: " + e.getMessage(), e);
        }
        return this;
    }

    public boolean isRunning() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    public Optional<Date> nextDigest() {
        try {
            return scheduler == null ? Optional.empty()
                    : Optional.ofNullable(scheduler.getTrigger(DIGEST)).map(Trigger::getNextFireTime);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Waits for a running sweep to finish, then stops. */
    @Override
    public void close() {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("Stopping the reminder scheduler failed", e);
            }
        }
    }

    /** A job given to {@link #alsoAt}; its own class so Quartz never runs two of it at once. */
    @DisallowConcurrentExecution
    static final class OtherJob implements Job {
        private final Runnable job;

        OtherJob(Runnable job) {
            this.job = job;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("Scheduled job {} failed", context.getJobDetail().getKey(), e);
            }
        }
    }

    @DisallowConcurrentExecution
    static final class OnTimeJob implements Job {
        private final OnTime onTime;

        OnTimeJob(OnTime onTime) {
            this.onTime = onTime;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String alarm = context.getJobDetail().getKey().getName();
            if (alarm.equals("sweep") && context.getPreviousFireTime() == null) {
                alarm = "start";
            }
            try {
                onTime.rang(alarm, context.getScheduledFireTime().toInstant());
            } catch (RuntimeException e) {
                log.error("Reminder job {} failed", context.getJobDetail().getKey(), e);
            }
        }
    }
}
