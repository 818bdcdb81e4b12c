package io.zgw.gateway.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.gateway.web.ApiException;

/**
 * Downsampler aggregates numeric points into fixed {@code step} buckets (aligned to the
 * epoch) with avg, min or max.
 */
final class Downsampler {

	private Downsampler() {
	}

	/** Aggregation applied to the points of one bucket. */
	enum Aggregation {

		AVG, MIN, MAX;

		static Aggregation parse(String value) {
			try {
				return valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badParameter("agg", "agg must be avg, min or max, got '" + value + "'");
			}
		}

	}

	/**
	 * Returns one point per non-empty bucket of {@code stepSeconds}, stamped with the
	 * bucket's start. Points are {@code [clock, avg, min, max, weight]}: trends carry
	 * their own min/max and sample count, history points carry the value three times and
	 * weight 1.
	 */
	static List<double[]> downsample(List<double[]> points, long stepSeconds, Aggregation aggregation) {
		Map<Long, double[]> buckets = new TreeMap<>();
		for (double[] point : points) {
			long bucket = Math.floorDiv((long) point[0], stepSeconds) * stepSeconds;
			double[] acc = buckets.computeIfAbsent(bucket,
					(b) -> new double[] { b, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0 });
			acc[1] += point[1] * point[4];
			acc[2] = Math.min(acc[2], point[2]);
			acc[3] = Math.max(acc[3], point[3]);
			acc[4] += point[4];
		}
		List<double[]> result = new ArrayList<>();
		for (double[] acc : buckets.values()) {
			double value = switch (aggregation) {
				case AVG -> acc[1] / acc[4];
				case MIN -> acc[2];
				case MAX -> acc[3];
			};
			result.add(new double[] { acc[0], value });
		}
		return result;
	}

}
