package io.designforfailure.storefront.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.unit.DataSize;

/**
 * Cuts off a response body larger than the limit without reading the rest of it: a
 * dependency cannot exhaust the storefront's memory or time. The exchange is aborted
 * rather than closed, because closing a response drains what is left of its body.
 */
class BodyLimitInterceptor implements ClientHttpRequestInterceptor {

	private final DataSize limit;

	BodyLimitInterceptor(DataSize limit) {
		this.limit = limit;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getHeaders().getContentLength() > this.limit.toBytes()) {
			ExchangeTimer.abortCurrent();
			throw new BodyTooLargeException(this.limit);
		}
		return new LimitedResponse(response, this.limit);
	}

	private static final class LimitedResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final DataSize limit;

		LimitedResponse(ClientHttpResponse response, DataSize limit) {
			this.response = response;
			this.limit = limit;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			return new LimitedInputStream(this.response.getBody(), this.limit);
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private final DataSize limit;

		private long read;

		LimitedInputStream(InputStream in, DataSize limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit.toBytes()) {
				ExchangeTimer.abortCurrent();
				throw new BodyTooLargeException(this.limit);
			}
		}

	}

}
