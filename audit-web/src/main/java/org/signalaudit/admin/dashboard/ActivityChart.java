package org.signalaudit.admin.dashboard;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.signalaudit.audit.Activity;

/**
 * The Chart.js configuration of the dashboard's stacked bar chart (PrimeFaces {@code p:chart}
 * takes it as JSON): one bar per day, one colour per audit table.
 */
final class ActivityChart {

    /** Enough colours for the audit tables there are and a few to come. */
    private static final List<String> COLOURS = List.of("#6366f1", "#f59e0b", "#10b981", "#ef4444", "#0ea5e9");

    private ActivityChart() {
    }

    static String json(Activity activity) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        activity.days().forEach(day -> labels.add(day.toString()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < activity.series().size(); i++) {
            Activity.Series series = activity.series().get(i);
            JsonArrayBuilder counts = Json.createArrayBuilder();
            series.counts().forEach(counts::add);
            datasets.add(Json.createObjectBuilder()
                    .add("label", series.name())
                    .add("data", counts)
                    .add("backgroundColor", COLOURS.get(i % COLOURS.size())));
        }
        JsonObject stacked = Json.createObjectBuilder().add("stacked", true).build();
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", stacked)
                                .add("y", Json.createObjectBuilder(stacked).add("beginAtZero", true)))
                        .add("plugins", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder()
                                        .add("display", true)
                                        .add("text", "Audit rows per day (UTC)"))))
                .build()
                .toString();
    }
}
