p = cumprod(1:6)
