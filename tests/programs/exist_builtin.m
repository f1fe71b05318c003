exist('sin')
exist('pi')
exist('disp')
