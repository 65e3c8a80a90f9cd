package org.signalaudit.api;

/**
 * What the corpus aims at: an INVITED user and an existing group that it may reach but never
 * change, and names that exist nowhere.
 */
record Fixtures(String user, String group, String nobody, String noGroup) {
}
