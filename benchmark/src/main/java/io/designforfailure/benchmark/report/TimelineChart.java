package io.designforfailure.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.designforfailure.benchmark.observe.Transition;

/**
 * One scenario over time, guarded above naive: p99 latency per second and the outcomes
 * per second, fault windows shaded red, breaker transitions marked.
 */
public final class TimelineChart {

	private static final Color FAULT = new Color(255, 0, 0, 40);

	private static final Color LIVE = new Color(46, 139, 87);

	private static final Color DEGRADED = new Color(240, 170, 30);

	private static final Color FAILED = new Color(200, 30, 30);

	private TimelineChart() {
	}

	public static void draw(String title, List<RunData> runs, Path png) {
		NumberAxis time = new NumberAxis("seconds since the run began");
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
		plot.setGap(12);
		for (RunData run : runs) {
			plot.add(latency(run), 2);
			plot.add(outcomes(run), 2);
		}
		JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		try {
			ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 300 * runs.size() + 120);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + png, ex);
		}
	}

	private static XYPlot latency(RunData run) {
		XYSeries p99 = new XYSeries(run.mode().label() + ": p99 latency per second (ms)");
		for (Second second : Aggregation.timeline(run.samples(), run.durationMillis())) {
			if (!Double.isNaN(second.p99())) {
				p99.add(second.second() + 0.5, Math.max(0.1, second.p99()));
			}
		}
		LogAxis axis = new LogAxis(run.mode().label() + " p99 ms");
		axis.setRange(0.5, 60_000);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, (run.mode().ordinal() == 0) ? new Color(30, 90, 200) : new Color(120, 60, 160));
		renderer.setSeriesStroke(0, new BasicStroke(2f));
		XYPlot plot = new XYPlot(new XYSeriesCollection(p99), null, axis, renderer);
		ValueMarker budget = new ValueMarker(1000, Color.GRAY,
				new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 4f }, 0f));
		budget.setLabel("1 s budget");
		budget.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		budget.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		plot.addRangeMarker(budget);
		mark(plot, run, true);
		return plot;
	}

	private static XYPlot outcomes(RunData run) {
		XYSeries live = new XYSeries(run.mode().label() + ": 2xx live", true, false);
		XYSeries degraded = new XYSeries(run.mode().label() + ": 2xx degraded", true, false);
		XYSeries failed = new XYSeries(run.mode().label() + ": non-2xx or gave up", true, false);
		for (Second second : Aggregation.timeline(run.samples(), run.durationMillis())) {
			live.add(second.second() + 0.5, second.live());
			degraded.add(second.second() + 0.5, second.degraded());
			failed.add(second.second() + 0.5, second.failed());
		}
		DefaultTableXYDataset dataset = new DefaultTableXYDataset();
		dataset.addSeries(live);
		dataset.addSeries(degraded);
		dataset.addSeries(failed);
		StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.1);
		renderer.setBarPainter(new StandardXYBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, LIVE);
		renderer.setSeriesPaint(1, DEGRADED);
		renderer.setSeriesPaint(2, FAILED);
		XYPlot plot = new XYPlot(dataset, null, new NumberAxis(run.mode().label() + " answers/s"), renderer);
		mark(plot, run, false);
		return plot;
	}

	private static void mark(XYPlot plot, RunData run, boolean labelled) {
		for (Window window : run.windows()) {
			IntervalMarker fault = new IntervalMarker(window.startMillis() / 1000.0, window.endMillis() / 1000.0);
			fault.setPaint(FAULT);
			if (labelled) {
				fault.setLabel("fault");
				fault.setLabelAnchor(RectangleAnchor.TOP_LEFT);
				fault.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			}
			plot.addDomainMarker(fault, Layer.BACKGROUND);
		}
		for (Transition transition : run.transitions()) {
			if (transition.dependency().equals(run.dependency())) {
				ValueMarker marker = new ValueMarker(transition.atMillis() / 1000.0, Color.BLACK, new BasicStroke(1f));
				if (labelled) {
					marker.setLabel(transition.state());
					marker.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
					marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
					marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
				}
				plot.addDomainMarker(marker, Layer.FOREGROUND);
			}
		}
	}

}
