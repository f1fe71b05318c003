ones(2, 3)(:, end)
magic(4)(2:3, [1 4])
zeros(2)(1)
