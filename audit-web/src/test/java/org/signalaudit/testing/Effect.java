package org.signalaudit.testing;

import java.util.List;

/**
 * The audit rows one committed change writes, each as a signature that names who, what and
 * which values ({@link AuditRows} reads the database's rows into the same form):
 * {@code user_state_audit}: {@code initiator|username|event|end state};
 * {@code entity_audit}: {@code initiator|type|key|action|detail}, the detail of an update being
 * the changed attributes, with the new state and the members added and removed spelled out.
 */
public record Effect(List<String> stateRows, List<String> entityRows) {

    public static final Effect NONE = new Effect(List.of(), List.of());

    public boolean none() {
        return stateRows.isEmpty() && entityRows.isEmpty();
    }

    /** A state change, by the state machine or the override: a row in both tables. */
    public static Effect stateChange(String actor, String username, String event, String endState) {
        return new Effect(List.of(String.join("|", actor, username, event, endState)),
                List.of(entity(actor, "UserAccount", username, "UPDATE", "state=" + endState)));
    }

    public static Effect groupCreated(String actor, String group) {
        return new Effect(List.of(), List.of(entity(actor, "Group", group, "CREATE", "")));
    }

    public static Effect groupDescribed(String actor, String group) {
        return new Effect(List.of(), List.of(entity(actor, "Group", group, "UPDATE", "description")));
    }

    /** A membership that begins: a row for each side of the many-to-many. */
    public static Effect joined(String actor, String group, String username) {
        return new Effect(List.of(), List.of(
                entity(actor, "Group", group, "UPDATE", "members+[" + username + "]-[]"),
                entity(actor, "UserAccount", username, "UPDATE", "groups+[" + group + "]-[]")));
    }

    public static Effect left(String actor, String group, String username) {
        return new Effect(List.of(), List.of(
                entity(actor, "Group", group, "UPDATE", "members+[]-[" + username + "]"),
                entity(actor, "UserAccount", username, "UPDATE", "groups+[]-[" + group + "]")));
    }

    static String entity(String actor, String type, String key, String action, String detail) {
        return String.join("|", actor, type, key, action, detail);
    }
}
