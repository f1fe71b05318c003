y = [1 0 1 1 0 1];
p = [1 0 0 1 1 1];
tp = sum(y & p)
fp = sum(~y & p)
fn = sum(y & ~p)
acc = mean(y == p)
