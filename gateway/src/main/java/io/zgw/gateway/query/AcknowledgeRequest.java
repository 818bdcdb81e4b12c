package io.zgw.gateway.query;

/**
 * AcknowledgeRequest is the body of {@code POST /api/v1/problems/{id}/acknowledge}; at
 * least one action must be asked for.
 *
 * @param message a comment to add
 * @param acknowledge true to acknowledge the problem, false to withdraw its
 * acknowledgement
 * @param close true to close the problem (its trigger must allow manual close)
 * @param severity a new severity, 0-5 or a name such as {@code high}
 */
record AcknowledgeRequest(String message, Boolean acknowledge, Boolean close, String severity) {
}
