/**
 * Account logic: the transition table ({@link org.signalaudit.account.control.StateMachine}), the
 * one place that changes state and fires the signal ({@link org.signalaudit.account.control.StateTransitions}),
 * enrolment, password hashing, and the start-up accounts (bootstrap, demo).
 */
package org.signalaudit.account.control;
