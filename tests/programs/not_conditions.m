x = 0;
if ~x, disp('tilde'), end
if !x, disp('bang'), end
if x ~= 1, disp('ne1'), end
if x != 1, disp('ne2'), end
