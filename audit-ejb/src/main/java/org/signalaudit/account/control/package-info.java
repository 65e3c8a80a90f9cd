/**
 * Account logic: the transition table ({@link org.signalaudit.account.control.StateMachine}), the
 * one place that changes state and fires the signal ({@link org.signalaudit.account.control.StateTransitions}),
 * enrolment, password hashing, the start-up accounts (bootstrap, demo), and the expiry of
 * invitations not accepted in time ({@link org.signalaudit.account.control.InvitationExpiry}, a
 * system source of state changes: initiator {@code system:invitation-expiry}).
 */
package org.signalaudit.account.control;
