package org.signalaudit.admin.dashboard;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserState;
import org.signalaudit.audit.AuditSearch;

/** The dashboard: users per state and the audit's activity over the last two weeks. */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int DAYS = 14;

    @Inject
    UserDirectory directory;

    @Inject
    AuditSearch search;

    private Map<UserState, Long> counts;
    private String chart;

    @PostConstruct
    void load() {
        counts = directory.countByState();
        chart = ActivityChart.json(search.activity(DAYS));
    }

    public List<UserState> getStates() {
        return List.of(UserState.values());
    }

    public long count(UserState state) {
        return counts.getOrDefault(state, 0L);
    }

    public String getChart() {
        return chart;
    }

    public int getDays() {
        return DAYS;
    }
}
