/**
 * Several Payara Micro instances of this build as one cluster on one PostgreSQL database, as the
 * README's "Running several instances" starts them: the load spread over the instances with one
 * killed and restarted in the middle, the lockout counted across instances, a lock through one
 * instance refused by the others at once, the sealer's handover, and an admin's screen session
 * carried from a killed instance to a surviving one.
 */
package org.signalaudit.cluster;
