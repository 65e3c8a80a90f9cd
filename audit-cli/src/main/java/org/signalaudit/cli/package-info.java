/**
 * The operator's command line: parses the command, boots this build's application on Payara Micro
 * in command mode and prints what the application answered ({@code org.signalaudit.operator} in
 * audit-ejb does the work). No business logic and no database access of its own.
 */
package org.signalaudit.cli;
