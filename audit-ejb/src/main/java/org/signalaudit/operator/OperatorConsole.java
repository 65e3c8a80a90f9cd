package org.signalaudit.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.signalaudit.account.AccountException;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.query.InvalidRequestException;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestCompleted;
import org.signalaudit.signal.RequestContext;

/**
 * One command as one "request" of origin CLI: a request context of its own (initiator and address
 * {@code CLI}, a request id that correlates every row the command writes), the command in its
 * transaction, and a {@link RequestCompleted} for the request trail, so a refused command is in
 * the trail like a refused request. The answer is the text to print and the exit code.
 */
@ApplicationScoped
public class OperatorConsole {

    /** What the command prints, and the launcher's exit code (0: done or intact, 1: refused or broken). */
    public record Answer(String output, int exitCode) {
    }

    @Inject
    RequestContext request;

    @Inject
    OperatorCommands commands;

    @Inject
    Event<RequestCompleted> completed;

    @ActivateRequestContext
    public Answer run(OperatorCommand command) {
        request.open(null, OperatorCommand.INITIATOR, null, "audit-cli (" + command.osUser() + ")", Origin.CLI);
        request.identify(OperatorCommand.INITIATOR);
        Instant started = Instant.now();
        Answer answer;
        int status;
        String errorClass = null;
        try {
            answer = dispatch(command);
            status = 200;
        } catch (AccountException refusal) {
            answer = new Answer("refused: " + refusal.getMessage(), 1);
            status = 409;
            errorClass = refusal.getClass().getName();
        } catch (InvalidRequestException invalid) {
            answer = new Answer("refused: " + invalid.getMessage(), 1);
            status = 400;
            errorClass = invalid.getClass().getName();
        } catch (RuntimeException failure) {
            Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
            answer = new Answer("failed: " + cause, 1);
            status = 500;
            errorClass = cause.getClass().getName();
        }
        completed.fire(new RequestCompleted(request.requestId(), started,
                Duration.between(started, Instant.now()).toMillis(), "CLI", command.line(), null, status,
                OperatorCommand.INITIATOR, OperatorCommand.INITIATOR, null, request.userAgent(), null, null, null,
                errorClass, answer.exitCode() == 0 ? null : answer.output(), Origin.CLI));
        return new Answer(answer.output() + System.lineSeparator() + "request id: " + request.requestId(),
                answer.exitCode());
    }

    private Answer dispatch(OperatorCommand command) {
        return switch (command.name()) {
            case "transition" -> done(command, commands.transition(command));
            case "override" -> done(command, commands.override(command));
            case "recover-superadmin" -> done(command, commands.recoverSuperadmin(command));
            case "verify" -> verdict(commands.verify());
            default -> new Answer("unknown command '" + command.name() + "'", 1);
        };
    }

    private static Answer done(OperatorCommand command, Object state) {
        String username = command.username() == null ? OperatorCommands.RECOVERED : command.username();
        return new Answer(command.name() + ": " + username + " is " + state, 0);
    }

    private static Answer verdict(IntegrityReport report) {
        List<String> lines = new ArrayList<>();
        report.tables().forEach(table -> lines.add(table.toString()));
        if (report.checkpointBreak() != null) {
            lines.add(report.checkpointBreak().toString());
        }
        String detail = String.join(System.lineSeparator(), lines);
        return report.intact()
                ? new Answer("intact: " + report.rows() + " audit rows verified, tree size " + report.treeSize()
                        + System.lineSeparator() + detail, 0)
                : new Answer("BROKEN: the audit log does not verify" + System.lineSeparator() + detail, 1);
    }
}
