package io.designforfailure.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import io.designforfailure.benchmark.Mode;

/**
 * The overload in one picture: live answers per second and p99 latency at each number of
 * users or rate of arrivals, every storefront side by side, with the target (80 % of the
 * guarded capacity) and the 1 s budget drawn in; a bar whose run saw the search breaker
 * open says so.
 */
public final class OverloadChart {

	/** Guarded, naive, Resilience4j's defaults, petclinic's settings: in Mode's order. */
	private static final List<Color> COLORS = List.of(new Color(30, 90, 200), new Color(120, 60, 160),
			new Color(220, 130, 30), new Color(60, 150, 80));

	private static final double TARGET = 0.8;

	private OverloadChart() {
	}

	/**
	 * @param title what the chart shows
	 * @param rows the ramp's steps and the overloads, each in every mode
	 * @param capacity each storefront's capacity
	 * @param png where to write the chart
	 */
	public static void draw(String title, List<LoadResult> rows, Map<Mode, Capacity> capacity, Path png) {
		DefaultCategoryDataset goodput = new DefaultCategoryDataset();
		DefaultCategoryDataset p99 = new DefaultCategoryDataset();
		Set<String> opened = new HashSet<>();
		for (LoadResult row : rows) {
			String users = category(row, capacity.get(Mode.GUARDED));
			goodput.addValue(row.liveGoodput(), row.mode().label(), users);
			p99.addValue(row.p99(), row.mode().label(), users);
			if (row.breakerOpened()) {
				opened.add(row.mode().label() + " at " + users);
			}
		}
		CategoryPlot live = new CategoryPlot(goodput, null, new NumberAxis("live answers/s"), renderer(opened));
		Capacity guarded = capacity.get(Mode.GUARDED);
		if (guarded.measured()) {
			ValueMarker target = new ValueMarker(guarded.liveGoodput() * TARGET, Color.GRAY, dashed());
			target.setLabel(String.format(Locale.ROOT, "target: 80 %% of guarded capacity (%.0f/s)",
					guarded.liveGoodput() * TARGET));
			target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
			target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
			live.addRangeMarker(target);
		}
		// Linear: the budget line at 1 s and a p99 of a few seconds read at a glance.
		NumberAxis latencyAxis = new NumberAxis("p99 ms");
		latencyAxis.setRange(0, Math.max(1200, rows.stream().mapToDouble(LoadResult::p99).max().orElse(0) * 1.1));
		BarRenderer latencyBars = renderer(null);
		latencyBars.setDefaultSeriesVisibleInLegend(false);
		CategoryPlot latency = new CategoryPlot(p99, null, latencyAxis, latencyBars);
		ValueMarker budget = new ValueMarker(1000, Color.GRAY, dashed());
		budget.setLabel("target: p99 at most 1 s");
		budget.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		budget.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		latency.addRangeMarker(budget);
		CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis(
				"searching users with no think time (ramp, then multiples of the guarded capacity), or arrivals per second"));
		plot.add(live, 3);
		plot.add(latency, 2);
		JFreeChart chart = new JFreeChart(title + ": live answers and p99", new Font("SansSerif", Font.BOLD, 16), plot,
				true);
		chart.setBackgroundPaint(Color.WHITE);
		try {
			ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 700);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + png, ex);
		}
	}

	private static String category(LoadResult row, Capacity capacity) {
		String kind = row.scenario().substring(row.scenario().lastIndexOf('-') + 1);
		if (row.scenario().contains("-capacity-")) {
			return row.users() + (capacity.measured() && capacity.users() == row.users() ? " (capacity)" : "");
		}
		if (row.arrivalsPerSecond() > 0) {
			return row.drive() + " (open, " + kind + ")";
		}
		return row.users() + " (" + kind + ")";
	}

	/**
	 * Bars guarded beside naive; with {@code opened}, each labelled with its value and
	 * OPEN where the run saw the search breaker open.
	 */
	private static BarRenderer renderer(Set<String> opened) {
		BarRenderer renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		for (int series = 0; series < COLORS.size(); series++) {
			renderer.setSeriesPaint(series, COLORS.get(series));
		}
		if (opened != null) {
			renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {

				@Override
				public String generateLabel(CategoryDataset dataset, int series, int column) {
					String key = dataset.getRowKey(series) + " at " + dataset.getColumnKey(column);
					return String.format(Locale.ROOT, "%.0f%s", dataset.getValue(series, column).doubleValue(),
							opened.contains(key) ? " OPEN" : "");
				}

			});
			renderer.setDefaultItemLabelsVisible(true);
			renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 10));
			renderer.setDefaultPositiveItemLabelPosition(
					new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
		}
		return renderer;
	}

	private static BasicStroke dashed() {
		return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 4f }, 0f);
	}

}
