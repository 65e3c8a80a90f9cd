package org.signalaudit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The users whose state the load moves: one per client, so that clients never conflict with each
 * other and every transition is a real, committed, audited change.
 */
final class BenchAccounts {

    private final Client superadmin;

    BenchAccounts(Client superadmin) {
        this.superadmin = superadmin;
    }

    List<String> activeUsers(int count) {
        var names = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String name = existing(i);
            var invited = superadmin.post("api/users",
                    "{\"username\":\"" + name + "\",\"email\":\"" + name + "@bench.invalid\",\"role\":\"USER\"}");
            require(invited, 201);
            String token = invited.json().getString("invitationToken");
            require(superadmin.postAnonymously("api/invitations/accept", "{\"username\":\"" + name
                    + "\",\"token\":\"" + token + "\",\"password\":\"bench-user-password\"}"), 200);
            names.add(name);
        }
        return names;
    }

    String existing(int index) {
        return "bench-" + index;
    }

    static void require(Client.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }
}
