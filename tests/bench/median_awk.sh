# Shared by the benchmark scripts (sourced, not run): awk_median, the text
# of an awk function med(LIST), the median of the numbers in a list split
# by spaces (the middle one, or the mean of the two in the middle), which a
# script puts before its own awk program.
awk_median='
	function med(list,   v, n, i, j, t) {
		n = split(list, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}'
