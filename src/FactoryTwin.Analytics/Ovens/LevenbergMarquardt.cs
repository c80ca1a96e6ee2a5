using MathNet.Numerics.LinearAlgebra;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// Levenberg–Marquardt least squares with a forward-difference Jacobian and Marquardt's diagonal scaling
/// (Marquardt 1963; Nocedal &amp; Wright, Numerical Optimization, §10.3). Deterministic; no exceptions on a bad fit.
/// </summary>
internal static class LevenbergMarquardt
{
    private const double DifferenceStep = 1e-6;

    /// <summary>Minimizes ½‖r(θ)‖².</summary>
    public static LmResult Minimize(Func<double[], double[]> residuals, double[] start, int maxIterations, CancellationToken cancellationToken)
    {
        var theta = (double[])start.Clone();
        var r = residuals(theta);
        var cost = Dot(r, r);
        var lambda = 1e-3;
        var iterations = 0;
        var converged = false;
        var jacobian = Jacobian(residuals, theta, r);
        while (iterations < maxIterations && !converged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var a = jacobian.TransposeThisAndMultiply(jacobian);
            var g = jacobian.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(r));
            var accepted = false;
            while (lambda < 1e12)
            {
                var damped = a.Clone();
                for (var i = 0; i < theta.Length; i++)
                {
                    damped[i, i] += lambda * Math.Max(a[i, i], 1e-12);
                }

                var step = damped.Solve(-g);
                var trial = new double[theta.Length];
                for (var i = 0; i < theta.Length; i++)
                {
                    trial[i] = theta[i] + step[i];
                }

                var rt = residuals(trial);
                var ct = Dot(rt, rt);
                if (double.IsFinite(ct) && ct < cost)
                {
                    var relative = (cost - ct) / Math.Max(cost, 1e-300);
                    var size = step.AbsoluteMaximum();
                    theta = trial;
                    r = rt;
                    cost = ct;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    accepted = true;
                    converged = size < 1e-9 || relative < 1e-12;
                    break;
                }

                lambda *= 10;
            }

            if (!accepted)
            {
                // No step lowers the cost: θ is a minimum to working precision.
                converged = true;
            }

            jacobian = Jacobian(residuals, theta, r);
        }

        var n = r.Length;
        var p = theta.Length;
        var sigma2 = n > p ? cost / (n - p) : double.NaN;
        var jtj = jacobian.TransposeThisAndMultiply(jacobian);
        // A condition number near 1/eps means some parameter is not identifiable from the data: report an infinite error.
        var covariance = p > 0 && jtj.ConditionNumber() < 1e13 ? jtj.Inverse().Multiply(sigma2) : null;
        var errors = new double[p];
        for (var i = 0; i < p; i++)
        {
            errors[i] = covariance is null ? double.PositiveInfinity : Math.Sqrt(Math.Max(0, covariance[i, i]));
        }

        return new LmResult(theta, r, errors, iterations, converged);
    }

    private static Matrix<double> Jacobian(Func<double[], double[]> residuals, double[] theta, double[] r)
    {
        var j = Matrix<double>.Build.Dense(r.Length, theta.Length);
        var probe = (double[])theta.Clone();
        for (var k = 0; k < theta.Length; k++)
        {
            var h = DifferenceStep * Math.Max(1, Math.Abs(theta[k]));
            probe[k] = theta[k] + h;
            var rk = residuals(probe);
            for (var i = 0; i < r.Length; i++)
            {
                j[i, k] = (rk[i] - r[i]) / h;
            }

            probe[k] = theta[k];
        }

        return j;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
