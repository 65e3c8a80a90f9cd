package org.signalaudit.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.audit.Activity;

/** The dashboard chart: one bar per day, one stacked dataset per audit table. */
class ActivityChartTest {

    @Test
    void everySeriesIsADatasetOverTheDays() {
        var days = List.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));
        var activity = new Activity(days, List.of(new Activity.Series("State changes", List.of(1L, 2L)),
                new Activity.Series("Requests", List.of(30L, 40L))));

        JsonObject chart = Json.createReader(new StringReader(ActivityChart.json(activity))).readObject();

        assertThat(chart.getString("type")).isEqualTo("bar");
        JsonObject data = chart.getJsonObject("data");
        assertThat(data.getJsonArray("labels").getValuesAs(v -> v.toString()))
                .containsExactly("\"2026-11-20\"", "\"2026-11-21\"");
        assertThat(data.getJsonArray("datasets")).hasSize(2);
        assertThat(data.getJsonArray("datasets").getJsonObject(1).getString("label")).isEqualTo("Requests");
        assertThat(data.getJsonArray("datasets").getJsonObject(1).getJsonArray("data").getJsonNumber(1).longValue())
                .isEqualTo(40L);
        assertThat(chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getBoolean("stacked"))
                .isTrue();
    }
}
