package io.designforfailure.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a free loopback port in front of one server, switched between the faults
 * a network can have: up, slow (every answer held back), black-holed (connections
 * accepted, nothing answered, ever) and down (connections refused). It knows nothing of
 * the protocol, so whatever it relays to is the real server. No library does this in a
 * few lines of plain Java, so it is kept small: a thread per direction per connection,
 * enough for a test's or a benchmark's handful of connections.
 */
public final class TcpRelay implements AutoCloseable {

	private enum Mode {

		UP, SLOW, BLACK_HOLE, DOWN

	}

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile Mode mode = Mode.UP;

	private volatile Duration delay = Duration.ZERO;

	private ServerSocket listener;

	/** A relay to {@code targetPort} on loopback, up. */
	public TcpRelay(int targetPort) {
		this.targetPort = targetPort;
		this.port = ServiceProcess.freeLoopbackPort();
		listen();
	}

	/** The port the relay listens on. */
	public int port() {
		return this.port;
	}

	/** Relays every byte at once. */
	public synchronized void up() {
		this.mode = Mode.UP;
		listen();
	}

	/** Holds every answer back for {@code delay}. */
	public synchronized void slow(Duration delay) {
		this.delay = delay;
		this.mode = Mode.SLOW;
		listen();
	}

	/**
	 * Accepts connections and answers nothing on them, nor on those already open: a
	 * network that lost the way to the server without a reset.
	 */
	public synchronized void blackHole() {
		this.mode = Mode.BLACK_HOLE;
		listen();
	}

	/** Closes every connection and refuses new ones: the server stopped. */
	public synchronized void down() {
		this.mode = Mode.DOWN;
		closeQuietly(this.listener);
		this.listener = null;
		this.sockets.forEach(TcpRelay::closeQuietly);
		this.sockets.clear();
	}

	@Override
	public void close() {
		down();
	}

	private void listen() {
		if (this.listener != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.listener = socket;
			thread("relay-accept", () -> accept(socket));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				this.sockets.add(client);
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(server);
				thread("relay-request", () -> relay(client, server, false));
				thread("relay-answer", () -> relay(server, client, true));
			}
			catch (IOException ex) {
				// The listener was closed (down), or the server refused: the client's
				// connection is closed when its relay ends.
			}
		}
	}

	private void relay(Socket from, Socket to, boolean answers) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				while (this.mode == Mode.BLACK_HOLE) {
					Thread.sleep(10);
				}
				if (answers && this.mode == Mode.SLOW) {
					Thread.sleep(this.delay.toMillis());
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// Either side went away.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Closing what may already be closed.
		}
	}

}
