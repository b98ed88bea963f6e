//! Direct quotations in an article body, their speakers, and quotations matched across
//! articles. (Being written.)
