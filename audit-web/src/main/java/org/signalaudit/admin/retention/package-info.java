/**
 * The retention screen (SUPERADMIN): the legal holds, placed and released here, and the retention
 * schedule: which month of which audit table a run drops when, what a hold keeps, and the months
 * dropped so far with their tombstones.
 */
package org.signalaudit.admin.retention;
