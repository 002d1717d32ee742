/** A bad assignment file; the message names the file and the field (`week3.assignment.json: exercises[2].points ...`). */
export class AssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AssignmentError";
  }
}
