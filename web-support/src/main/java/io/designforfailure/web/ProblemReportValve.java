package io.designforfailure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as problem details instead of an HTML page, for what Tomcat
 * rejects before Spring sees it (an encoded slash in the path, an oversized header, a
 * malformed request line). Errors that reach Spring are answered by Spring and never get
 * here: this valve writes only when nothing else has.
 */
class ProblemReportValve extends ErrorReportValve {

	static final String PATH = "path";

	static final String HEADERS = "headers";

	private final ProblemResponses responses;

	ProblemReportValve(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemDetail problem = problem(status, request, throwable);
		try {
			response.setSuspended(false);
			this.responses.write(response, problem);
			response.finishResponse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Names what was wrong without echoing it and without relying on Tomcat's messages,
	 * which are translated: a parse error ({@code throwable}) after the request line was
	 * read lies in the headers; anything else that Tomcat rejects with 400 is the path
	 * (an encoded slash, a character not allowed in a URL, a line too long to read).
	 */
	static ProblemDetail problem(int status, Request request, Throwable throwable) {
		if (status != HttpStatus.BAD_REQUEST.value()) {
			HttpStatus resolved = HttpStatus.resolve(status);
			return ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
					"Rejected before the application saw it: "
							+ ((resolved != null) ? resolved.getReasonPhrase() : "HTTP " + status));
		}
		boolean requestLineRead = !request.getCoyoteRequest().requestURI().isNull();
		if (throwable != null && requestLineRead) {
			return FieldProblem.problem(HttpStatus.BAD_REQUEST, HEADERS,
					"headers were rejected before the application saw them: too large or malformed");
		}
		return FieldProblem.problem(HttpStatus.BAD_REQUEST, PATH,
				"path was rejected before the application saw it: an encoded slash, a character not allowed"
						+ " in a URL, or too long");
	}

}
